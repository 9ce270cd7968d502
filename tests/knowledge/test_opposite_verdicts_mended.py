"""Seven first lines set 28 found giving the verdict opposite to the facts, each mended in
its rule and tested here with other wordings (none of the set's): a marketplace said to be
left out of VTR got the marketplace card's "是的" ('VTR不看X站'); a true rule followed by a
false application to the seller's own order was judged on the rule ("under EUR 20 are
exempt, so my EUR 35 letter is too" got "Right"); OTDR said to restrict categories "like
VTR" got "对"; "too late after delivery" and "the defect goes away" read the wrong way
round; "my own X doesnt count" left the integrated-carriers belief stated negated; "没低于
95" read as a failing word. Expectations from /work/shared/domain.md §1, §1b, §3."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line

_NO = ("不对", "Not right", "不是", "No")
_YES = ("对。", "Right", "是的", "Yes")


@pytest.mark.parametrize(
    "question",
    [
        # The bar applies to shipments from China to US, UK, DE, FR, IT, ES, JP, SG, AE, SA
        # and AU (domain.md §1): any of them said to be left out is a false belief.
        "VTR不查沙特站吧",
        "澳洲站的话VTR不看的吧",
        "法国站没有VTR要求吧",
        "we don't need to care about VTR on the Singapore site, right?",
        "VTR doesn't look at Germany, correct?",
        "UK isn't part of VTR, right?",
        "JP isn't covered, right?",
        "Saudi isn't covered by VTR, right?",
        "there's no VTR requirement for Australia, right?",
    ],
)
def test_a_listed_marketplace_said_left_out_is_not_right(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert line.startswith(_NO), line


@pytest.mark.parametrize(
    "question",
    [
        # Something else left out on a listed marketplace: not a belief about the list, so
        # never the list's "是的" / "Yes" (a wrong yes is worse than none).
        "日本站VTR不看金额吧",
        "日本站的VTR不看FBA订单吧",
    ],
)
def test_something_else_left_out_gets_no_yes_of_the_list(kb: KnowledgeBase, question: str) -> None:
    line = first_line(kb, question)
    assert not line.startswith(("是的", "Yes")), line
    assert not line.startswith("不对。VTR 不是只考核一个站点"), line


@pytest.mark.parametrize(
    ("question", "leads", "amount"),
    [
        # The EU letter exemption is for orders under EUR 20 (domain.md §1b): the seller's
        # own order, told after the rule, decides the belief.
        (
            "letters under 20 euro don't count, so my 28 EUR Lettre to France is excluded as well, right?",
            _NO,
            "28",
        ),
        ("欧盟20欧以下的平信豁免，那我这单26欧的Brief不上传单号也没关系吧", _NO, "26"),
        ("低于20欧的信件不算，我15欧的德国Brief也不算吧", _YES, "15"),
        ("letters under €20 are exempt, so my €35 Brief order counts, right?", _YES, "35"),
        # Japan's exemption is for orders under JPY 1,000 (domain.md §1b).
        (
            "Japan orders under 1000 yen are exempt, so my 1500 yen order without tracking is ok too",
            _NO,
            "1500",
        ),
        ("日本站1000日元以下豁免，那我1200日元的单不用追踪吧", _NO, "1200"),
        ("日本站1000日元以下豁免，所以我800日元的单也不算吧", _YES, "800"),
    ],
)
def test_a_rule_applied_to_the_sellers_order_is_judged_on_the_order(
    kb: KnowledgeBase, question: str, leads: tuple[str, ...], amount: str
) -> None:
    line = first_line(kb, question)
    assert line.startswith(leads), line
    assert amount in line, line


def test_the_limit_said_again_is_no_order_of_the_sellers(kb: KnowledgeBase) -> None:
    # The limit is without VAT (domain.md §1b): "this 20 includes VAT" is false.
    line = first_line(kb, "欧盟平信低于20欧不算VTR，这个20欧是含增值税的对吧")
    assert line.startswith("不对"), line


@pytest.mark.parametrize(
    ("question", "leads"),
    [
        # OTDR's target is no enforced bar in most marketplaces (domain.md §3); only VTR's
        # miss restricts a category.
        ("OTDR below 90% gets my category restricted just like VTR, right?", _NO),
        ("准时交货率不到90%也会像VTR那样限制我的分类吧", _NO),
        ("准时交货率不达标不会像VTR那样被限制分类吧", _YES),
        ("OTDR under 90% won't get my category restricted like VTR, right?", _YES),
    ],
)
def test_otdr_s_consequence_is_not_vtr_s(
    kb: KnowledgeBase, question: str, leads: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(leads), line


@pytest.mark.parametrize(
    ("question", "leads"),
    [
        # Tracking added or changed after delivery is a defect (domain.md §1b).
        ("after delivery it's too late to fix the tracking, right?", _YES),
        ("买家签收之后再改单号就太晚了，对吧", _YES),
        ("if I add tracking after the buyer got it, the defect disappears, right?", _NO),
        # "only" of a time is "not until then", no restriction whose rest is set apart.
        (
            "we only uploaded the number 4 days after the customer got the parcel, surely still "
            "a defect?",
            _YES,
        ),
        # All shipping providers count (domain.md §1b).
        ("only amazon-partnered carriers count, our own yanwen shipments dont matter right?", _NO),
        # The bar is strictly above 95% (domain.md §4.5).
        ("我的VTR是95%，没低于95，应该达标吧", _NO),
        ("96%没低于95吧，达标了吗", _YES),
    ],
)
def test_words_that_negate_only_in_form(
    kb: KnowledgeBase, question: str, leads: tuple[str, ...]
) -> None:
    line = first_line(kb, question)
    assert line.startswith(leads), line


@pytest.mark.parametrize(
    ("question", "code"),
    [
        # "sites" names marketplaces as "site" does; SA and AU are on the bar's list (§1).
        ("which sites does VTR apply to if we ship from China? is Australia one?", "(AU)"),
        ("we ship out of Ningbo: which amazon sites enforce the VTR bar, saudi too?", "(SA)"),
    ],
)
def test_sites_asked_get_the_bar_s_list(kb: KnowledgeBase, question: str, code: str) -> None:
    line = first_line(kb, question)
    assert code in line and not line.startswith(_NO), line
