"""Beliefs judged on what they say, every part of it (set 32's wrong statements, issue 21).

- Left out of VTR said in other verbs ('不进VTR', '不纳入', '不被计入'): set 32's true
  '…不到一千円的小单不进VTR，靠谱吗' got '不对。' (the exemption read as 'it counts').
- The US rule's two halves told clause by clause ('the two-scan rule is only for $5 and
  up? under 5 one scan?'): each judged on its own side of USD 5 (domain.md §1b: under USD
  5 at least one scan, USD 5 and over two); set 32's true belief got "No —".
- One window believed of several metrics ('ODR, LSR, VTR all 30 days'): each metric judged
  and told (domain.md §3: VTR 30, LSR 10 and 30, ODR 60); set 32's got "Right" on VTR's.
- A letter said exempt at any price, another limit told beside as its premise
  ('英国站平信不管多少钱都豁免吧，德国那边不是20欧以下豁免吗'): the exemption holds only under
  EUR 20; set 32's got '对。'.
- A defect newly found among counted-valid ones ('57/60，又发现其中一单单号错了'): one more
  invalid (56/60), not one fixed; set 32's got 59/60.

Wordings written here, not the set's."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import first_line, reply_text


@pytest.mark.parametrize(
    ("question", "verdict", "wrong"),
    [
        # Left out of VTR, said in other verbs: true beliefs confirmed, false ones denied.
        ("听人说日本站一千日元以下的订单不进VTR，可信吗", "对", "不对"),
        ("日本站不到1000円的小单不纳入VTR，是真的吗", "对", "不对"),
        ("德国站20欧以下用Letter寄的单不被计入VTR吧", "对", "不对"),
        ("日本站3000日元以下的单都不进VTR吧", "不对", "对。"),
        # The US rule's halves, each on its side of USD 5.
        ("so the two-scan thing for US orders from China only kicks in at $5 and over? below that one scan does it?", "Yes", "No"),
        ("美国站两次扫描只针对5美元及以上的单？5美元以下有一次扫描就够？", "是", "不"),
        ("US from China: under $5 also needs two scans, correct?", "Not right", "Right"),
        ("美国站从中国发货，5美元以上的单一次扫描就够了吧", "不对", "对。"),
        # One window believed of several metrics: each judged.
        ("LSR, ODR and VTR all count the last 30 days, yes?", "Not right", "Right"),
        ("迟发率、订单缺陷率和VTR都用30天统计，对吧", "不对", "对。"),
        # A letter exempt at any price, the EU limit told beside as its premise.
        ("欧盟20欧以下的信件豁免，那英国站的信件无论多少钱都不算VTR吧", "不对", "对。"),
    ],
)  # fmt: skip
def test_a_belief_is_judged_on_every_part(
    kb: KnowledgeBase, question: str, verdict: str, wrong: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and not first.startswith(wrong), first


@pytest.mark.parametrize(
    ("question", "windows"),
    [
        ("VTR, ODR and LSR each look at 30 days, right?", ("60", "10 and 30")),
        ("VTR、ODR、迟发率的统计周期全都是30天吧", ("60", "10 天和 30")),
    ],
)
def test_every_metric_named_gets_its_window(
    kb: KnowledgeBase, question: str, windows: tuple[str, ...]
) -> None:
    """Every metric the belief named gets its own window, from metrics.yaml."""
    text = reply_text(kb, question)
    assert all(days in text for days in windows), text


@pytest.mark.parametrize(
    ("question", "now"),
    [
        # 57 valid of 60, one more found invalid: 56/60 = 93.3%, below; 2 to fix
        # (floor(95 * 60 / 100) + 1 - 56 = 57 + 1 - 56 = 2).
        (
            "厨具类上周是57/60，今天又查出其中一单单号填错了，现在VTR多少",
            "60 个里 56 个有效 = 93.3%",
        ),
        ("宠物类40个里39个有效，后来又发现两单没传单号，现在多少", "40 个里 37 个有效 = 92.5%"),
    ],
)
def test_a_defect_newly_found_worsens_the_rate(kb: KnowledgeBase, question: str, now: str) -> None:
    text = reply_text(kb, question)
    assert now in text, text
