"""The knowledge entry that explains each metric, shown after any decision about it.

Apart from the rules so that every family (targets, windows, rates, names) and the
composer name the same entry for a metric.
"""

METRIC_ENTRIES = {
    "vtr": "vtr-threshold",
    "lsr": "metric-late-shipment",
    "cancelrate": "metric-cancel-rate",
    "otdr": "metric-on-time-delivery",
    "odr": "metric-odr",
}
"""The entry that explains each metric, shown after a decision about it."""
METRIC_ENTRIES_WHAT = {**METRIC_ENTRIES, "vtr": "vtr-what"}
"""The entry that says what each metric is (VTR's own is its "what is" entry)."""
