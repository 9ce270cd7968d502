"""Mechanisms of reading a seller's message, each tried with wordings written for the
mechanism (several per mechanism, both languages), none taken from a held-out set: a belief
limited to some marketplaces with or without a verb, the seller's rate in the forms sellers
type it. The expected first lines are worked out by hand from /work/shared/domain.md."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.domain.knowledge.understand import (
    detect_lang,
    digits_from_chinese,
    digits_from_english,
    separate_numbers,
)
from bot.services.answers import render_answer
from bot.services.i18n import translator
from tests.knowledge.replies import first_line

# Many wordings of rules that each have tests of their own: the full tier. Each branch of
# bot/ only these reached has a case in its rule's own tests, in the fast tier
# (docs/development.md, "Checks, tests and translations").
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # The bar applies on 11 marketplaces from China, not one (domain.md §1): any
        # "only …" belief about one or a few is false, with or without a verb or a 吗.
        ("VTR仅限美国站？", "不是。"),
        ("VTR就看美国站吧", "不对。"),
        ("仅美国站考核VTR吗", "不是。"),
        ("追踪率是不是光看日本站", "不是。"),
        ("有效追踪率唯一要求的是英国站吧", "不对。"),
        ("VTR只有美国站有要求？", "不是。"),
        ("vtr only for amazon.com?", "No — "),
        ("VTR is just for the US, right?", "Not right: "),
        # Buy Shipping serves 12 marketplaces from China (domain.md §2), Europe's and others.
        ("购买配送只能在欧洲站用吗", "不是。"),
        ("購買配送只能在美國站用嗎", "不是。"),
        ("buy shipping is limited to the US?", "No — "),
    ],
)
def test_a_belief_limited_to_some_marketplaces_gets_the_verdict_first(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert not first.startswith(("是的，从中国", "Yes, from China")), first


def test_a_chinese_sentence_around_one_term_is_answered_in_chinese() -> None:
    # No grammar word of either language: six Chinese characters against one borrowed term.
    assert detect_lang("VTR仅限美国站？") == "zh"
    assert detect_lang("FBA仓库地址？") == "zh"
    # The chat's language still settles a real tie, and an English sentence stays English.
    assert detect_lang("VTR 有效追踪率", "en") == "en"
    assert detect_lang("VTR only US?") == "en"
    # A hyphened term is one borrowed name: "A-to-z"'s "to" tips no tie towards English,
    # whatever the chat's language, while an English sentence around it stays English.
    assert detect_lang("没有追踪号，买家说没收到货提A-to-z，卖家就一定输，对吗", "en") == "zh"
    assert detect_lang("do I lose the A-to-z claim without tracking?", "zh") == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("九十四点五", "94.5"),
        ("百分之九十四点五", "94.5%"),
        ("94点8", "94.8"),
        ("九十六", "96"),
    ],
)
def test_a_chinese_decimal_is_read_as_digits(text: str, expected: str) -> None:
    assert digits_from_chinese(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的追踪率现在94.8", "我的追踪率现在94.8%"),
        ("vtr sitting at 94.9", "vtr sitting at 94.9%"),
        ("my rate is 95 flat", "my rate is 95% flat"),
        # Counts and days next to the metric's name stay counts and days.
        ("vtr: 96 valid of 100", "vtr: 96 valid of 100"),
        ("vtr 看 30 天", "vtr 看 30 天"),
        ("vtr掉了60单", "vtr掉了60单"),
    ],
)
def test_a_rate_without_its_sign_is_a_percentage(text: str, expected: str) -> None:
    assert separate_numbers(text) == expected


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Strictly above 95% (domain.md §4.5): 95 and 95.0 are below, 95.1 above.
        ("我的追踪率现在94.8", "不达标：有效追踪率 94.8% 低于要求"),
        ("我们店的VTR掉到了九十四点五", "不达标：有效追踪率 94.5% 低于要求"),
        ("追踪率刚好95", "不达标：有效追踪率正好 95.0% 不算“高于 95%”"),
        ("有效率目前95.3，稳不稳", "稳。达标：有效追踪率 95.3% 高于 95%"),
        ("vtr现在是96 安全吗", "达标：有效追踪率 96% 高于 95%"),
        ("VTR sitting at 94.9", "A VTR of 94.9%: below the bar"),
        ("my rate is 95 flat", "A VTR of exactly 95.0% (not above 95%) is below the bar"),
        ("our tracking rate came in at 97 this week, fine?", "Yes — A VTR of 97% passes"),
        ("VTR landed at 95 even, is that a problem", "Yes — A VTR of exactly 95.0%"),
    ],
)
def test_the_seller_s_rate_in_many_forms_is_decided_against_the_bar(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


@pytest.mark.parametrize(
    ("question", "verdict", "says"),
    [
        # Seed 004's causes of low VTR: tracking not added in time, stock-outs or logistics
        # delays, invalid numbers. Feedback, ads, prices are not what VTR measures.
        ("VTR低是因为物流慢吧？", "对。", "VTR 偏低原因之一"),
        ("有效追蹤率變低是因為缺貨嗎", "是。", "VTR 偏低原因之一"),
        ("追踪率掉了，怪货代没及时传单号？", "是的。", "VTR 偏低原因之一"),
        ("my VTR dropped because the carrier is slow, right?", "Right: ", "one of the causes"),
        ("is my tracking rate low due to stock outs?", "Yes — ", "one of the causes"),
        ("VTR掉了是不是因为差评太多", "不是。", "差评、广告"),
        ("VTR下降是因为广告停了吗", "不是。", "差评、广告"),
        ("my VTR fell, is it because of bad reviews?", "No — ", "feedback, ads"),
    ],
)
def test_a_cause_said_of_low_vtr_is_checked_against_the_listed_causes(
    kb: KnowledgeBase, question: str, verdict: str, says: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict) and says in first, first


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # Hearsay passed on is a belief to confirm or correct, however it is introduced.
        ("听说购买配送要额外收钱", "不对。"),
        ("网上说VTR按90天算", "不对。"),
        ("a friend told me FBA orders count toward VTR", "Not right: "),
        ("apparently VTR is checked over 90 days", "Not right: "),
        ("someone in my seller group said 95% is enough", "Not right: "),
        ("my forwarder says letters are always exempt", "Not right: "),
        ("I read online that VTR only counts integrated carriers", "Not right: "),
    ],
)
def test_hearsay_is_a_belief_with_its_verdict_first(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first


def _entries(kb: KnowledgeBase, question: str) -> list[str | None]:
    answer = kb.answer(question)
    return [answer.matched, *(part.matched for part in answer.parts)]


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # Each part answered in turn, however the parts are joined: a told figure first, an
        # "and", a bare space, 另外/还有 without a comma, "btw", "also", or glued words.
        (
            "My VTR is 94%. What happens, and how do I fix it?",
            ["vtr-consequences", "vtr-below-95"],
        ),
        ("我的VTR是93%。会怎样？怎么补救？", ["vtr-consequences", "vtr-below-95"]),
        ("whats the target and whats the window", ["vtr-threshold", "vtr-window"]),
        ("VTRtarget?whatwindow", ["vtr-threshold", "vtr-window"]),
        ("有效追踪率要多少 在哪看 多少天", ["vtr-threshold", "vtr-where-to-see", "vtr-window"]),
        ("VTR怎么算还有FBA受影响吗", ["vtr-formula", "vtr-fba"]),
        ("vtr bar btw how long is the window", ["vtr-threshold", "vtr-window"]),
        ("what is the vtr target also where do i see it", ["vtr-threshold", "vtr-where-to-see"]),
    ],
)
def test_each_part_of_a_compound_message_is_answered(
    kb: KnowledgeBase, question: str, entries: list[str]
) -> None:
    assert _entries(kb, question) == entries


def test_a_told_rate_leads_every_part_it_decides(kb: KnowledgeBase) -> None:
    answer = kb.answer("My VTR is 94%. What happens, and how do I fix it?")
    decisions = [answer.decision, *(part.decision for part in answer.parts)]
    assert [d.facts["percent"] if d else None for d in decisions] == ["94", "94"]
    assert all(d is not None and d.facts["above"] is False for d in decisions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VTRtarget?whatwindow", "vtr target?what window"),
        ("Trackingnumber wrong", "tracking number wrong"),
        # Words that are no glued pair of ours stay as typed.
        ("shopify and walmart", "shopify and walmart"),
        ("aliexpress", "aliexpress"),
    ],
)
def test_glued_words_are_taken_apart_only_into_our_words(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert kb._analyzer.unglue(text) == expected


@pytest.mark.parametrize(
    "question",
    [
        "VTRの計算方法を教えてください",
        "VTR 기준이 뭐예요?",
        "¿Cómo se calcula la tasa de seguimiento?",
        "Quel est le taux de suivi valide pour mon compte",
        "Wie wird die VTR berechnet und was ist das Ziel",
        "Qual é a taxa de rastreamento válido do meu pedido",
    ],
)
def test_a_question_in_another_language_gets_an_honest_line(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "other_language" and answer.decision is None
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert reply.startswith("I answer questions in Chinese or English")
    assert "中文或英文" in reply


@pytest.mark.parametrize(
    "question",
    [
        # English and Chinese with words that look European stay ours.
        "DE to FR, la poste letter under 20 eur, does it count?",
        "Is the VTR bar the same in ES and IT?",
        "my vtr was 93% is that bad",
        "VTR是什么",
        "有效追蹤率是怎麼計算的",
    ],
)
def test_only_other_languages_get_that_line(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "answer"


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # domain.md lists the marketplaces where the bar applies from China; for the others
        # (MX, CA, BR, IN …) it states nothing: no yes and no no, the list and Seller Central.
        ("Does the 95% VTR bar apply to Mexico?", "do not state a VTR bar"),
        ("VTR applies in Mexico too, right?", "do not state a VTR bar for MX"),
        ("加拿大站也要VTR高于95%吧", "没有写明加拿大站的 VTR 要求"),
        ("巴西站VTR不考核吧", "没有写明巴西站的 VTR 要求"),
        ("印度站有VTR要求吗", "没有写明它的 VTR 要求"),
    ],
)
def test_a_marketplace_off_the_published_list_is_not_stated_either_way(
    kb: KnowledgeBase, question: str, says: str
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert says in reply, reply
    first = reply.split("\n", 1)[0]
    assert not first.startswith(("对", "不对", "是", "不是", "Right", "Not right", "Yes", "No —"))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # A route between two places, one of them in the EU/UK update: it counts unless it
        # is an order under EUR 20 sent as Letter (domain.md 1b); "A站发B" names the route
        # without 从, and a letter of unsaid amount gets the rule without a yes.
        ("荷兰站发比利时的货算VTR吗", "算。NL → BE 的跨境货件"),
        ("从法国发到西班牙的包裹要算VTR吗", "要。FR → ES 的跨境货件"),
        ("DE to FR shipments count for vtr?", "Yes — Cross-border shipments DE → FR count"),
        ("波兰站寄德国 不算VTR吧", "不对。PL → DE 的跨境货件"),
        ("a letter from Italy to Spain, does it count?", "Cross-border shipments IT → ES"),
        # A choice between account-wide and per category: the fact, no yes or no.
        ("vtr是整个账号一个数还是分类目", "VTR 不是全店一个数"),
        # "有12单" is a count, not the verb of "达标吗".
        ("我发了300单 有12单没追踪号 达标吗", "达标：300 个里 288 个有效 = 96.0%"),
    ],
)
def test_routes_choices_and_counted_verbs(kb: KnowledgeBase, question: str, lead: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


def test_how_it_is_worked_out_asks_for_the_formula(kb: KnowledgeBase) -> None:
    assert kb.answer("how is valid tracking rate worked out exactly").matched == "vtr-formula"
    assert kb.answer("欧盟新规什么时候生效的").matched == "eu-cross-border"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # Valid needs a carrier scan (domain.md 1b): an unscanned number is never a yes, even
        # when the words also say "any carrier counts".
        ("any carrier's number counts as valid as long as it is uploaded, even unscanned?", "No"),
        ("不管哪家物流，只要上传了单号就算有效，不用扫描吧", "不对"),
    ],
)
def test_an_unscanned_number_is_not_valid_whatever_the_carrier(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first


@pytest.mark.parametrize(
    ("question", "says"),
    [
        # Shipping from China to several marketplaces: the bar's line for each, not the EU
        # update's (seed 000's list: US and UK both apply, JP and AU too).
        (
            "hi new seller here, we ship from china to amazon us and uk whats the vtr rule",
            ["Amazon.com (US), VTR must be above 95%", "Amazon.co.uk (UK), VTR must be above 95%"],
        ),
        (
            "we ship from china to japan and australia, is the 95% vtr required there",
            ["Amazon.co.jp (JP), VTR must be above 95%", "Amazon.com.au (AU)"],
        ),
    ],
)
def test_shipping_from_china_to_several_marketplaces_gets_each_bar(
    kb: KnowledgeBase, question: str, says: list[str]
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert answer.matched == "vtr-marketplaces-china"
    assert all(s in reply for s in says), reply


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # A category is restricted, never the whole account (domain.md 1b).
        ("账号会因为VTR被封吗", "不会因为 VTR 封整个店铺"),
        ("will my store get suspended for low vtr", "No — VTR does not suspend the whole account"),
        # "要不要紧" asks whether exactly 95% is a problem: it is below the bar.
        ("我的VTR正好95% 要不要紧", "不达标：有效追踪率正好 95.0%"),
    ],
)
def test_suspension_and_worry_words_get_the_verdict(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A compound of two words is no typo of a third: 有效 + 追踪号 is not 有效追踪率.
        ("有9个没有有效追踪号", "有9个没有有效追踪号"),
        ("这批有效追踪号都上传了", "这批有效追踪号都上传了"),
        # Real typos of our terms are still repaired.
        ("追综号无效", "追踪号无效"),
        ("有效追中率在哪看", "有效追踪率在哪看"),
    ],
)
def test_a_compound_of_our_words_is_not_repaired_as_a_typo(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert kb._normalized(text) == expected


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # 291 of 300 = 97.0%: above the bar (the untracked 9 are invalid, not valid).
        (
            "这个月一共发了300个包裹，有9个没有有效追踪号，过了吗",
            "达标：300 个里 291 个有效 = 97.0%",
        ),
        # "19 of my 20": the whole after "of my" is the shipped count; 19/20 = 95.0% is below.
        ("If 19 of my 20 parcels were tracked, am I fine?", "No — 19 valid of 20 = 95.0%"),
    ],
)
def test_counts_with_compound_words_and_possessives(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        # Groups' figures in the forms sellers type them: a last figure at the very end is a
        # count, "which one is failing" is asked (no role for a figure), "有效 190" after a
        # colon is the figure's word, not the group's name.
        (
            "Toys 88/92, Garden 45/47 — which one is failing?",
            ["Toys: 88 valid of 92 = 95.7%", "Garden: 45 valid of 47 = 95.7%"],
        ),
        (
            "家居：有效 190，总共 200；玩具：有效 57，总共 60",
            [
                "家居: 不达标：200 个里 190 个有效 = 95.0%",
                "玩具: 不达标：60 个里 57 个有效 = 95.0%",
            ],
        ),
        # Rates set against each other by "but"/但是, names as typed (not the typo repair's).
        (
            "overall 97% but my shoes category is 93%, am I in trouble",
            ["shoes category: A VTR of 93%: below the bar", "overall: A VTR of 97% passes"],
        ),
        ("店铺整体97%但是鞋类只有93%，有事吗", ["鞋类: 不达标", "店铺整体: 达标"]),
    ],
)
def test_groups_in_the_forms_sellers_type_them(
    kb: KnowledgeBase, question: str, lines: list[str]
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert all(line in reply for line in lines), reply


@pytest.mark.parametrize(
    ("question", "lead", "entry"),
    [
        # Asking when it recovers: the verdict on the rate, then what to do below the bar.
        ("一天发50单 VTR 93% 多久能恢复", "不达标：有效追踪率 93%", "vtr-below-95"),
        ("my vtr is 92%, when will it be back above 95?", "A VTR of 92%: below", "vtr-below-95"),
    ],
)
def test_asking_when_it_recovers_gets_the_verdict_and_the_way_back(
    kb: KnowledgeBase, question: str, lead: str, entry: str
) -> None:
    assert first_line(kb, question).startswith(lead)
    assert kb.answer(question).matched == entry


@pytest.mark.parametrize(
    "question", ["how to appeal an account suspension for IP complaint", "got a counterfeit claim"]
)
def test_intellectual_property_appeals_are_not_our_field(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    "question",
    [
        # The 4 of "4PX" and the 1 of "1Z…" are parts of names, never package counts.
        "Can I pick Other and type 4PX even though 4PX is on the list?",
        "4PX的单号能选其他吗",
    ],
)
def test_a_figure_inside_a_name_is_no_count(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.decision is None or "shipments" not in answer.decision.facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A function character or a closing particle where a key term has another character
        # makes a phrase of its own, no typo: 不用追踪 is not 不带追踪, 送达吗 is not 送达率.
        ("单子不用追踪吧", "单子不用追踪吧"),
        ("算准时送达吗", "算准时送达吗"),
        ("亚吗逊", "亚马逊"),
    ],
)
def test_function_words_and_particles_are_no_typos(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert kb._normalized(text) == expected


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # JPY 1,500 is not under JPY 1,000: it counts, so "needs no tracking" is wrong.
        ("日本站1500日元的单子不用追踪吧", "不对。日本站 1500 日元的订单要计入 VTR"),
        # OTDR counts only shipments with valid tracking: an untracked one is never on time.
        ("没追踪的包裹算准时送达吗", "没有有效追踪的包裹不能算准时送达"),
        # Exactly the OTDR target (above 90%) is not above it.
        ("准时交货率90%算达标吗", "不算。准时交货率 (OTDR) 90%：没有高于 90% 的目标"),
        ("是不是VTR低了整个店都会被封", "不会因为 VTR 封整个店铺"),
        # Buy Shipping uploads tracking, but a number is valid only once scanned: no guarantee.
        ("buy shipping guarantees my vtr, right?", "Not right: Buy Shipping protects VTR"),
    ],
)
def test_more_beliefs_decided_against_the_rules(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


def test_why_it_matters_is_the_benefits(kb: KnowledgeBase) -> None:
    assert kb.answer("為什麼追蹤很重要").matched == "tracking-benefits"
    answer = kb.answer("new to MFN, what is VTR and why should I care")
    assert [answer.matched, *(p.matched for p in answer.parts)] == [
        "vtr-what",
        "tracking-benefits",
    ]


@pytest.mark.parametrize(
    "question", ["能不能用两句话给我讲讲有效追踪率是啥", "can you explain VTR in one sentence"]
)
def test_what_vtr_is_asked_with_words_of_another_subject(kb: KnowledgeBase, question: str) -> None:
    # "能不能用" matches Buy Shipping's list of where it can be used; the question names VTR.
    assert kb.answer(question).matched == "vtr-what"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        # A long story, then what is asked: the asked part decides (after 我想知道/请问/
        # "I want to know"), the carriers and emails of the story do not.
        (
            "我们卖家居的，在宁波，平时发云途和燕文，上个月亚马逊发邮件说VTR不行，请问这个数到底怎么计算的",
            "vtr-formula",
        ),
        (
            "we mostly ship with yanwen and 4px from guangzhou and amazon keeps emailing about "
            "vtr, I want to know where I can see it in seller central",
            "vtr-where-to-see",
        ),
        (
            "long story short my manager is upset about our shipping numbers and i honestly dont "
            "even know what vtr means",
            "vtr-what",
        ),
    ],
)
def test_a_long_story_is_answered_by_what_it_asks(
    kb: KnowledgeBase, question: str, entry: str
) -> None:
    assert kb.answer(question).matched == entry


def test_a_short_chinese_belief_with_a_borrowed_term_is_answered_in_chinese(
    kb: KnowledgeBase,
) -> None:
    assert first_line(kb, "VTR看60天？").startswith("不是。VTR 看的是最近 30 天")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # A statement sent without a question, or said as one's own belief (我觉得, 好像,
        # "I think"), is a belief to confirm or correct against domain.md.
        ("FBA shipments are part of VTR", "Not right: "),
        ("VTR uses a 60 day window", "Not right: "),
        ("buy shipping has an extra charge", "Not right: "),
        ("VTR is calculated for my whole store", "Not right: "),
        ("我觉得VTR是按整个账号算的", "不对。"),
        ("我记得FBA订单也算VTR", "不对。"),
        ("好像日本站1000日元以下的订单不算", "对。"),
        # 72 hours is how long an edit takes to show, not a deadline to upload.
        ("应该是发货后72小时内必须上传追踪号吧", "不对。追踪信息的期限不是 72 小时"),
        ("I have to add tracking within 72 hours, right?", "Not right: The deadline"),
        ("改了追踪号72小时才生效对吧", "对。"),
    ],
)
def test_statements_and_own_beliefs_get_a_verdict(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first


def test_a_rate_told_without_a_question_is_no_belief(kb: KnowledgeBase) -> None:
    # The seller's own figure, told: the verdict on it, never "Not right".
    assert first_line(kb, "VTR sitting at 94.6").startswith("A VTR of 94.6%: below the bar")


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        ("玩具95.5% 家居94.9% 服装96%", ["家居: 不达标", "玩具: 达标", "服装: 达标"]),
        (
            "I have 3 categories: toys 97%, home 95%, beauty 99%. Any problem?",
            ["home: A VTR of exactly 95.0%", "toys: A VTR of 97% passes"],
        ),
    ],
)
def test_categories_rates_listed_or_asked_are_each_judged(
    kb: KnowledgeBase, question: str, lines: list[str]
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert all(line in reply for line in lines), reply


def test_the_defect_report_s_category_filter_is_not_the_per_category_rule(
    kb: KnowledgeBase,
) -> None:
    first = first_line(kb, "can I filter the VTR defect report by category?")
    assert "defect report" in first and "account-wide" not in first, first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # The bar asked and the seller's rate told after it: the verdict on the rate too.
        ("VTR要多少？我现在94%", "不达标：有效追踪率 94% 低于要求"),
        ("what's the target for vtr? mine is 95.5", "A VTR of 95.5% passes"),
        # A bare rate in VTR's range asked about, in this bot, is VTR.
        ("Is 96% ok and what is the window", "Yes — A VTR of 96% passes"),
    ],
)
def test_a_rate_told_beside_the_bar_asked_is_decided(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


def test_a_window_asked_after_a_bare_rate_is_vtr_s(kb: KnowledgeBase) -> None:
    answer = kb.answer("Is 96% ok and what is the window")
    assert [answer.matched, *(p.matched for p in answer.parts)] == ["vtr-threshold", "vtr-window"]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # 日圓 (Traditional) is 日圆 once simplified: yen, like 日元.
        ("日本站低於1000日圓的訂單要算嗎", "不用。日本站低于 1,000 日元的订单属于豁免"),
        ("日本站800日圓的單算VTR嗎", "不计入：日本站 800 日元的订单属于豁免"),
    ],
)
def test_yen_written_traditionally(kb: KnowledgeBase, question: str, lead: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # Buy Shipping's A-to-z protection needs a Claims Protected service, an on-time first
        # scan and Amazon refunding (domain.md 1b): a broken condition is no protection.
        ("用了购买配送，但是是我自己给买家退的款，还受保护吗", "不"),
        ("I used buy shipping but shipped late, am I still protected against a-to-z", "No — "),
        # Every US order from China needs at least one scan, under USD 5 too.
        ("美国站从中国发4美元的单，没有扫描记录也可以吧", "不"),
        # 但是 is no verb to answer with.
        ("我发了100单 但是有5单没追踪 达标吗", "不达标：100 个里 95 个有效"),
    ],
)
def test_broken_conditions_and_verbs(kb: KnowledgeBase, question: str, lead: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first
    assert not first.startswith(("是。", "Yes")), first


@pytest.mark.parametrize("question", ["只能在欧洲站用吗", "仅限欧洲？"])
def test_a_place_without_a_subject_offers_the_lists_of_places(
    kb: KnowledgeBase, question: str
) -> None:
    # Which thing is limited to Europe is unsaid: VTR's bar, Buy Shipping or the EU update.
    answer = kb.answer(question)
    assert answer.kind == "unsure"
    assert answer.suggestions == [
        "vtr-marketplaces-china",
        "buy-shipping-marketplaces",
        "eu-cross-border",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my vtr is ninety four percent", "my vtr is 94 percent"),
        ("two hundred parcels and eight had no tracking", "200 parcels and eight had no tracking"),
        ("one thousand two hundred orders", "1200 orders"),
        ("two hundred and eight", "208"),
        # Small words may be articles; two numbers joined by "and" stay two.
        ("one order ships in two boxes", "one order ships in two boxes"),
        ("between twenty and thirty days", "between twenty and thirty days"),
    ],
)
def test_english_numbers_written_out(text: str, expected: str) -> None:
    assert digits_from_english(text) == expected


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("my vtr is ninety four percent", "A VTR of 94%: below the bar"),
        ("I shipped two hundred parcels and eight had no tracking", "192 valid of 200 = 96.0%"),
    ],
)
def test_numbers_written_out_are_decided(kb: KnowledgeBase, question: str, lead: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(lead), first


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        # Categories' rates without a % sign, where categories are spoken of.
        (
            "三个类目 玩具九十六 家居九十四 服装九十五",
            ["家居: 不达标", "服装: 不达标", "玩具: 达标"],
        ),
        (
            "my categories: toys 96, home 94.5",
            ["home: A VTR of 94.5%: below", "toys: A VTR of 96%"],
        ),
    ],
)
def test_categories_rates_without_a_sign(
    kb: KnowledgeBase, question: str, lines: list[str]
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert all(line in reply for line in lines), reply


def test_categories_counts_without_a_sign_stay_counts(kb: KnowledgeBase) -> None:
    assert kb.case("三个类目 玩具96单 家居94单").rate_groups == ()


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # A space before a Latin term glued to Chinese ("… FBA受影响吗") separates two
        # questions too; "btw" starts one whatever follows it.
        ("我100单95单有效 达标吗 FBA受影响吗", ["vtr-threshold", "vtr-fba"]),
        ("VTR怎么算 btw FBA要算吗", ["vtr-formula", "vtr-fba"]),
    ],
)
def test_parts_apart_by_a_space_or_btw(
    kb: KnowledgeBase, question: str, entries: list[str]
) -> None:
    assert _entries(kb, question) == entries


@pytest.mark.parametrize(
    ("question", "first_topic"),
    [
        # A message that only says what it will be about asks nothing yet: the topics
        # nearest its subject (the main ones when it names none), never an answer to a
        # question not asked, nor "outside what I know".
        ("quick question about buy shipping", "buy-shipping-what"),
        ("got a question regarding tracking", "tracking-unconfirmed"),
        ("i have a question about my vtr", "vtr-what"),
        ("hi, question on the eu letter thing", "eu-letter-under-20"),
        ("something about carriers", "carrier-choose"),
        ("help with my account", "vtr-what"),
        ("关于购买配送的问题", "buy-shipping-what"),
        ("一个关于VTR的问题", "vtr-what"),
        ("物流单号这块", "tracking-unconfirmed"),
        ("FBA的事", "fba-what"),  # what FBA is, then whether VTR concerns it (vtr-fba)
    ],
)
def test_a_subject_announced_gets_its_nearest_topics(
    kb: KnowledgeBase, question: str, first_topic: str
) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.suggestions[0] == first_topic, answer


@pytest.mark.parametrize(
    "question", ["question about ebay", "广告的事", "question about FBA storage fees"]
)
def test_another_field_announced_is_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


@pytest.mark.parametrize(
    ("question", "entry", "fact"),
    [
        # Pinyin of the key terms, spaced or not, and shorthand under four letters, which the
        # edit-distance repair leaves alone; Buy Shipping typed as it sounds.
        ("youxiao zhuizong lv yaoqiu 多少", "vtr-threshold", "95%"),
        ("youxiaozhuizonglv zenme suan", "vtr-formula", "÷"),
        ("zhuizonghao 填错了怎么办", "tracking-edit", "编辑追踪信息"),
        ("goumai peisong 要钱吗", "buy-shipping-cost", "不"),
        ("what happens if vrt drops under 95", "vtr-consequences", "95%"),
        ("how do i kep vtr above 95", "vtr-improve", "24 hours"),
        ("bye shipping costs extra?", "buy-shipping-cost", "nothing extra"),
        ("use by shipping for japan?", "buy-shipping-marketplaces", "JP"),
    ],
)
def test_pinyin_shorthand_and_sound_alikes_are_read(
    kb: KnowledgeBase, question: str, entry: str, fact: str
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert answer.matched == entry and fact in reply, (answer.matched, reply)


def test_by_shipping_as_a_preposition_stays() -> None:
    from bot.domain.knowledge.understand import spoken_alike

    assert spoken_alike("we are judged by shipping date") == "we are judged by shipping date"
    assert spoken_alike("does by shipping cost extra") == "does buy shipping cost extra"


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        # Four questions in one message are each answered, in turn; a list's numbering is no
        # figure of its part ("1) vtr target?" is not a VTR of 1%).
        (
            "what's the VTR bar, what window does it use, and does FBA count, and where do I check it?",
            ["vtr-threshold", "vtr-window", "vtr-fba", "vtr-where-to-see"],
        ),
        (
            "VTR是多少天的窗口？FBA算不算？在哪里看？购买配送收费吗？",
            ["vtr-window", "vtr-fba", "vtr-where-to-see", "buy-shipping-cost"],
        ),
        (
            "1) vtr target? 2) window? 3) fba counted? 4) buy shipping fee?",
            ["vtr-threshold", "vtr-window", "vtr-fba", "buy-shipping-cost"],
        ),
        # A part without its own subject keeps the first one's list (Buy Shipping's, not
        # the bar's), and the letter exemption's limit asked without an amount.
        (
            "购买配送收费吗？从国内发货能覆盖哪些站点？",
            ["buy-shipping-cost", "buy-shipping-marketplaces"],
        ),
        (
            "欧盟新规什么时候开始的？多少钱以下的平信单可以不算？",
            ["eu-cross-border", "eu-letter-under-20"],
        ),
    ],
)
def test_three_or_four_parts_are_each_answered(
    kb: KnowledgeBase, question: str, entries: list[str]
) -> None:
    assert _entries(kb, question) == entries


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # A verdict asked for by one word after the statement, or hearsay "seen online".
        (
            "saw online that 98% tracked and 97% on time gets shorter transit promises. accurate?",
            "Right",
        ),
        ("VTR counts FBA orders too. legit?", "Not right"),
        ("网上看到说VTR只看30天，准确吗", "对"),
        # The letter exemption's limit asked without an amount: the EU/UK rule.
        ("under what amount are letters exempt?", "In the EU and UK, orders under EUR 20"),
        ("多少钱以下的信件不算？", "在欧盟和英国，低于 20 欧元"),
    ],
)
def test_a_one_word_verdict_asked_and_a_limit_asked(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    assert first_line(kb, question).startswith(lead), first_line(kb, question)


@pytest.mark.parametrize(
    ("question", "entry", "fact"),
    [
        # A metric's name asked ("全称", "stand for") is that metric's, not the carrier entry
        # "英文" reaches; a marketplace asked "on the list" for VTR gets the bar's list.
        ("VTR英文全称是什么", "vtr-what", "Valid Tracking Rate"),
        ("what does ODR stand for", "metric-odr", "Order Defect Rate"),
        ("OTDR是什么的缩写", "metric-on-time-delivery", "准时交货率"),
        ("Is Canada on the VTR list?", "vtr-marketplaces-china", "not on the list"),
        ("is the UK on the list for VTR?", "vtr-marketplaces-china", "Amazon.co.uk"),
    ],
)
def test_a_metric_name_and_a_marketplace_on_the_list(
    kb: KnowledgeBase, question: str, entry: str, fact: str
) -> None:
    answer = kb.answer(question)
    reply = render_answer(answer, kb, translator(answer.lang), html=False)
    assert answer.matched == entry and fact in reply, (answer.matched, reply)


@pytest.mark.parametrize(
    ("question", "leads"),
    [
        # A part that ends in a verdict tag ("ok吧", "right") asks; "btw" after a comma starts
        # another question even when the first holds a belief; 是不是 denies nothing.
        ("VTR目前96%，ok吧，btw FBA受影响吗", ["对。达标", "不是。FBA"]),
        (
            "my vtr is 94.5% right now, am i cooked? also whats the window",
            ["Yes — A VTR of 94.5%", "VTR looks at the last 30 days"],
        ),
        ("VTR是不是按订单算的？FBA算不算？", ["不是。VTR 按包裹算", "不算。FBA"]),
    ],
)
def test_each_part_leads_with_its_own_verdict(
    kb: KnowledgeBase, question: str, leads: list[str]
) -> None:
    answer = kb.answer(question)
    parts = [answer.model_copy(update={"parts": []}), *answer.parts]
    firsts = [render_answer(p, kb, translator(p.lang), html=False).split("\n", 1)[0] for p in parts]
    assert len(firsts) == len(leads), firsts
    for first, lead in zip(firsts, leads, strict=True):
        assert first.startswith(lead), (first, lead)


def test_a_part_said_with_it_stays_on_the_first_subject(kb: KnowledgeBase) -> None:
    # "Does it protect VTR?" after "Is Buy Shipping free?": "it" is Buy Shipping, and its
    # answer is Buy Shipping's entry on VTR, not dropped as the first part's topic again.
    assert _entries(kb, "Is Buy Shipping free? Which marketplaces? Does it protect VTR?") == [
        "buy-shipping-cost",
        "buy-shipping-marketplaces",
        "buy-shipping-vtr",
    ]


@pytest.mark.parametrize(
    "question",
    ["帮帮我", "tracking number problem", "单号有问题", "亚马逊发邮件说我VTR有问题"],
)
def test_a_trouble_named_without_a_question_gets_topics(kb: KnowledgeBase, question: str) -> None:
    # Nothing asked yet: the topics nearest the trouble, not a firm answer on a guess.
    assert kb.answer(question).kind == "unsure"


def test_a_trouble_asked_about_is_still_answered(kb: KnowledgeBase) -> None:
    assert kb.answer("单号有问题怎么办").kind == "answer"


@pytest.mark.parametrize(
    ("question", "named", "not_first"),
    [
        # Each metric's own target (domain.md §3): the one whose target is the figure asked
        # leads, whichever of the named metrics comes first in the question.
        ("VTR or ODR: which one has the 1% bar?", "Order Defect Rate (ODR)", "Valid Tracking"),
        ("which of LSR and PFCR is the 2.5% one", "Pre-fulfillment Cancel Rate", "Late Ship"),
        ("取消率和迟发率，哪个要低于4%", "迟发率 (LSR)", "发货前取消率"),
        ("ODR跟VTR哪一个是95%的要求", "有效追踪率 (VTR)", "订单缺陷率"),
        # None of the named has it: the one that does is named, and said to be another.
        ("VTR and LSR, which is the 90% one?", "On-Time Delivery Rate (OTDR)", "Valid Track"),
        # No metric named, a metric asked for by its target.
        ("which metric must stay under 2.5%?", "Pre-fulfillment Cancel Rate", "Valid Tracking"),
        ("哪个指标的目标是低于1%", "订单缺陷率 (ODR)", "有效追踪率"),
        ("what's the 4% metric", "Late Shipment Rate (LSR)", "Valid Tracking"),
    ],
)
def test_the_metric_whose_target_is_asked_is_named_first(
    kb: KnowledgeBase, question: str, named: str, not_first: str
) -> None:
    first = first_line(kb, question)
    assert named in first, first
    assert not_first not in first, first


@pytest.mark.parametrize("question", ["OTD rate target?", "otd window", "OTD达标线是多少"])
def test_otd_is_the_on_time_delivery_rate(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).matched == "metric-on-time-delivery"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # VTR's window is 30 days (domain.md §1): one window stated and others denied; the
        # denied figures are neither counts nor a negation of the belief.
        ("VTR covers 30 days, yes? not 45 or 60", "Right: "),
        ("the window's 30 days and not 7, right?", "Right: "),
        ("有效追踪率不是按14天算，是30天吧", "对。"),
        ("VTR算最近60天对吧，不是30天", "不对。"),
        ("vtr is measured over 90 days not 30, correct?", "Not right: "),
        # 是不是 asks; it denies nothing.
        ("有效追踪率是不是30天？不是90天吧", "对。"),
    ],
)
def test_a_window_stated_with_others_denied_is_checked(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
    assert "30" in first, first
    assert "%:" not in first and "valid of" not in first, first  # no counts read


@pytest.mark.parametrize(
    "question",
    [
        # Strictly above 95% (domain.md §1): true, said with or without a word of failing;
        # "fails" is a word of the claims, never repaired into another word.
        "the threshold is strictly over 95 right? 95.0 fails",
        "so exactly 95 percent fails, correct?",
        "门槛是严格高于95%对吧",
        "isn't it strictly above 95%?",
    ],
)
def test_the_strict_bar_believed_is_confirmed(kb: KnowledgeBase, question: str) -> None:
    first = first_line(kb, question)
    assert first.startswith(("Right: ", "Yes — ", "对。", "是的")), first
    assert "95" in first, first


def test_counts_told_with_a_denied_figure_are_still_worked_out(kb: KnowledgeBase) -> None:
    first = first_line(kb, "sent 80 parcels (not 90) in 30 days, 77 valid - ok?")
    assert "77" in first and "80" in first, first


@pytest.mark.parametrize(
    "question",
    [
        # A second part that says "it" is about the subject even when the first part's
        # words would make a claim of it (Buy Shipping is free, domain.md §2).
        "Buy Shipping: when does the A-to-z protection hold? and is there any fee for using it?",
        "buy shipping: when am I covered against A-to-z claims? is there a fee for it?",
        "购买配送什么时候保护A-to-z索赔？用它要另外收费吗？",
    ],
)
def test_a_fee_asked_of_it_after_the_protection_gets_the_fee(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.answer(question)
    assert answer.matched == "buy-shipping-atoz", answer.matched
    assert [p.matched for p in answer.parts] == ["buy-shipping-cost"], answer.parts


@pytest.mark.parametrize(
    "question",
    [
        # Tracking given after delivery is a defect, before it is not (domain.md §1): the
        # buyer's words ("edited … for the buyer") do not pull it to Buy Shipping's feedback.
        "edited tracking before the buyer got it vs after delivery, which hurts VTR?",
        "the buyer had it delivered and then I edited the tracking - does that hurt VTR?",
        "edit tracking pre-delivery or post-delivery for the buyer: which one hurts my VTR",
    ],
)
def test_tracking_edited_before_or_after_delivery_is_that_entry(
    kb: KnowledgeBase, question: str
) -> None:
    first = first_line(kb, question)
    assert "after delivery" in first and "defect" in first, first
    assert "feedback" not in first, first


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # All shipping providers count (domain.md §1): the others said not to count are the
        # belief's own complement, whoever they are called, never its negation.
        ("VTR只算和亚马逊集成的承运商，小物流的包裹不计入吧", "不对。"),
        ("VTR只看合作承运商，剩下的快递不算，对吗", "不对。"),
        ("VTR only looks at partnered carriers; local couriers don't count, right?", "Not right: "),
    ],
)
def test_the_carriers_left_out_of_a_belief_are_its_complement(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # Each metric's target (domain.md §3): the figure stated, not the one denied beside
        # it, is checked ("1%, not 4%" states 1%).
        ("ODR has to be under 1%, not under 4%, correct?", "Right: "),
        ("迟发率低于4%就行，不是2.5%吧", "对。"),
        ("the cancel rate target is 4% not 2.5%, right?", "Not right: "),
        ("订单缺陷率要低于4%，不是1%，对吧", "不对。"),
    ],
)
def test_a_target_stated_beside_a_denied_one_is_checked(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # Buy Shipping costs nothing extra (domain.md §2): a contrast set against the belief
        # (", not a paid extra") denies the alternative, not the belief.
        ("buy shipping costs nothing extra, not a paid service, correct?", "Right: "),
        ("购买配送不另外收费，不是付费功能吧", "对。"),
        # The belief itself negated still gets corrected.
        ("buy shipping is not free, right?", "Not right: "),
        # A contrast naming the belief's own words negates it ("…extra, not free").
        ("buy shipping charges a fee, not free, right?", "Not right: "),
        ("购买配送要另外付钱，不是免费吧", "不对。"),
        ("FBA orders are left out of VTR, not counted, right?", "Right: "),
    ],
)
def test_a_contrast_beside_a_belief_is_no_negation_of_it(
    kb: KnowledgeBase, question: str, verdict: str
) -> None:
    first = first_line(kb, question)
    assert first.startswith(verdict), first
