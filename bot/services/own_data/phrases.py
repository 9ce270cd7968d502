"""The phrases of a question that several own-data readings share ("fix", "which", "back
above", "hurting"): defined once, so every family reads them alike.
"""

from __future__ import annotations

import re

WHICH_ORDER = re.compile(
    r"哪个订单|哪些订单|哪几个订单|哪几单|哪一单|哪单|哪一个订单|哪个单|哪些包裹|哪个包裹|哪一个包裹|"
    r"which orders?|which packages?|which shipments?|which one|the one where|订单号|单号发我|"
    r"那几单|有问题的(?:单|订单|包裹)|问题单|问题订单|问题包裹|无效的?(?:单(?!号)|订单|包裹)|错误的?订单|"
    r"(?:订单|包裹)(?:都)?有哪些|哪些(?:单|订单|包裹)|"
    r"(?:bad|problem|wrong|failing|invalid) (?:rows|orders|packages)|order (?:ids|numbers)|"
    r"list (?:the|my) (?:defects|orders)|show (?:me )?(?:the |my )?(?:orders|packages|defects)|"
    r"列出.{0,6}(?:订单|包裹)|(?:订单|包裹)清单|"
    r"(?:give|send|show|tell|list) me (?:the |my |which )?(?:orders|packages|ones|order ids)|"
    r"(?:give|send|show|list)(?: me)? (?:the |my )?[^?.,;]{0,40}?(?:orders|packages|order ids) to fix|"
    r"(?:orders?|packages?|ones) (?:i|we) (?:need|have|should|must) to fix|which (?:ones|orders) to fix|"
    r"要修哪|修哪几|修哪些|哪几单要修|哪些要修|先修什么|该修什么|要修什么|先改什么|该改什么|"
    r"what (?:should|do|must|can) (?:i|we) (?:fix|correct)|what (?:needs|has) to be fixed|"
    r"(?:which|what) (?:defects|ones) (?:can|could|should) (?:i|we) (?:still )?fix|"
    r"还能修的|还可以修的|还来得及修|"
    r"(?:列出|列一下|列给我|发给?我|给我|导出|看一?下|查一?下|找出)[^，,。？?]{0,8}(?:单号|追踪号|跟踪号|运单号)|"
    r"(?:单号|追踪号|跟踪号|运单号)[^，,。？?]{0,6}(?:列出|列一下|列给我|发给?我|都有哪些|有哪些|是哪些|是哪几个)|"
    r"哪些(?:单号|追踪号|跟踪号|运单号)|哪几个(?:单号|追踪号|跟踪号|运单号)|"
    r"(?:list|show|give|send|tell)(?: me)? (?:the |my |all |all the |all my )?(?:invalid |bad |wrong |"
    r"broken |failed |failing |problem |defective )?tracking (?:numbers|ids|nos)\b|"
    r"which tracking (?:numbers|ids)|(?:my|the) (?:invalid|bad|wrong|broken|failing|problem) "
    r"tracking numbers|"
    # a group between ("which Toys orders …", "哪些玩具订单", "家居厨房哪几单")
    r"which (?:[\w&'-]+ ){1,4}(?:orders|packages|shipments|parcels)\b|"
    r"(?:orders|packages|shipments|parcels) (?:that |which )?(?:have|has|had|with|got) "
    r"(?:a |an )?(?:bad|invalid|wrong|broken|missing|no|failed|failing) tracking|"
    r"哪(?:些|几个|几)[^，,。？?哪]{1,8}?(?:订单|包裹)"
)
SHOP = re.compile(
    r"整个店铺|整个店|整店|全店|店铺整体|整体|总体|overall|(?:whole|entire) (?:shop|store|account)|"
    r"my (?:shop|store)|shop-?wide|store-?wide|account-?wide|"
    r"(?:whole|entire|all of (?:the|my)) (?:file|upload|sheet|spreadsheet|data|export)|"
    r"整个(?:表格?|文件|数据)|全表|整张表"
)
"""The shop's own figure asked for ("整个店铺的有效追踪率是多少"): answered with every category,
since VTR is judged per category."""
MY_SHOP = re.compile(r"\bmy (?:shop|store|account)\b(?!s)|我的店|我家店|我们的?店|咱们?的?店|本店")
"""The seller's shop said as one ("how is my shop doing", "我的店怎么样"): in a file of several
shops, those shops pooled."""
WHICH = re.compile(
    r"哪个|哪些|哪几个|which|what categor|any categor|有没有.{0,4}(?:类目|品类)|"
    r"how many (?:of (?:my|the|our) )?(?:categor|marketplace)|(?:几|多少)个?(?:类目|品类|分类|站点)"
)
FIX = re.compile(r"修|改|补|fix|correct|repair")
_FIRST = re.compile(
    r"先|优先|最划算|最值得|最该|最要紧|最急|从哪(?:里|个|儿)?(?:开始|下手)|"
    r"\bfirst\b|\bpriorit|\bstart (?:with|on)\b|where (?:do|should) (?:i|we) (?:start|begin)|"
    r"\bbiggest (?:win|gain|impact)|\bmost (?:worth|impact|urgent)|\bbest bang|worth (?:it )?the most"
)


def first_fix_asked(text: str) -> bool:
    """Which fix comes first asked ("先修哪个最划算", "what should I fix first?", "where do I
    start fixing?"): the fix plan, fixes that still bring a category above first."""
    return bool(FIX.search(text) and _FIRST.search(text))


MISMATCHED = re.compile(
    r"选错|选成|填错承运商|承运商(?:选|填)?错|对不上|不一致|不匹配|wrong carrier|picked the wrong|"
    r"chose the wrong|selected the wrong|mismatch|under the wrong|doesn't match|does not match"
)
"""A carrier mismatch asked about without naming the carriers ("哪个订单承运商选错了")."""
HURTS = re.compile(
    r"hurt|drag|affect|count|matter|pull(?:ing)? (?:me|it|my)|拉低|影响|算进|计入|算不算|还算|有关系|"
    r"要紧|\bstill\b"
)
"""Asked of rows the seller dates ("orders from late October … hurting my VTR?"): whether
they are in the window at all."""
COUNT_ASKED = re.compile(
    r"(?:多少|几)个?(?:自发货的?|自配送的?|无效的?)?(?:包裹|订单|货件|单|单号|追踪号)|(?:包裹|订单|货件)[^，,。？?]{0,6}(?:多少|几)个?|"
    r"how many (?:of (?:my|our|the|those) )?"
    # A carrier or a marketplace named before the noun ("how many of my UPS shipments").
    r"(?:(?!are\b|were\b|is\b|do\b|did\b|more\b|new\b|extra\b|additional\b)[a-z][\w.&-]* ){0,2}?"
    r"(?:self-fulfilled |mfn |merchant-fulfilled |invalid |bad |untracked |defective |failed |failing )?"
    r"(?:packages|shipments|orders|parcels|tracking numbers|tracking ids|numbers|ones)|"
    r"how many (?:are |were |of them (?:are |were )?)?(?:invalid|bad|untracked|defective|failing)\b|"
    r"(?:多少|几)个?无效|无效的?(?:包裹|订单|单号|单)?(?:一共|总共)?(?:有)?(?:多少|几)|"
    # "DHL的单号有几个有问题", "有多少个是坏的", "how many DHL ones are bad": a carrier or a
    # group named between the count asked and the packages.
    r"(?:多少|几)个?(?:是)?(?:有问题|坏|不对|错)|"
    r"how many (?:[\w.-]+ ){1,2}(?:ones|packages|parcels|shipments|numbers|orders) (?:are|were|have|had) "
    r"(?:invalid|bad|untracked|defective|failing|wrong|problems?)"
)
BACK = re.compile(
    r"back above|recover|恢复|回到|回升|重新高于|"
    r"(?:when|what date|which day|哪天|什么时候|几号)[^?？。]{0,40}(?:above|over|高于|达标|过线)"
)
TOTAL_ASKED = re.compile(r"how many|\btotal\b|多少|一共|总共|总数")
_ROWS_BETWEEN = r"(?:(?!tracking|numbers?\b|labels?\b|scans?\b)[^?.!,;]){0,40}?"
"""The rows between a negation and "counted" ("weren't some of my German orders counted"):
not their tracking ("doesn't my DHL tracking count" asks why a number is not valid)."""
NOT_COUNTED_ASKED = re.compile(
    r"没算进|没有算进|没算(?![错对])|没被算|没被计入|未被计入|没被统计|没算的|不算的|没计入|未计入|没有计入|没统计|没有统计|不统计|排除|剔除|漏掉|"
    r"跳过|被忽略|忽略了|忽略掉|"
    r"exclud(?:e|ed|ing)|left out|leave out|didn't (?:you )?count|did not count|not counted|weren't counted|"
    r"wasn't counted|don't count|dropped|skipped|ignored|\b(?:did|do|have) you (?:skip|ignore)\b|"
    # the rows named between ("weren't some of my German orders counted", "didn't my UK
    # ones count"), not a rule ("doesn't count as valid")
    r"\b(?:weren't|wasn't|were not|was not|aren't|are not|isn't|is not|never got|never been)\b"
    rf"{_ROWS_BETWEEN}\b(?:counted|included)\b(?! as\b)|"
    rf"\b(?:didn't|did not|don't|do not|doesn't|does not)\b{_ROWS_BETWEEN}\bcount\b(?! as\b)|"
    r"missing from (?:the |my )?(?:count|total|vtr|report)|"
    # A group of the file absent from the report ("why doesn't Toys show up in my report?",
    # "报告里怎么没有玩具"): its rows were all left out.
    r"\b(?:doesn't|does not|don't|do not|didn't|did not|isn't|aren't|not|never)\b[^?.!,;]{0,30}?"
    r"\b(?:show(?:ing)?|appear(?:ing)?|turn(?:ing)?)(?:\sup)?\b[^?.!,;]{0,20}\b(?:report|results?|list)\b|"
    r"\bnot (?:in|on) (?:my |the )?(?:vtr )?report\b|"
    r"(?:报告|报表|结果)(?:里|中)?(?:面)?(?:怎么|为什么|为啥)?(?:没有|没|看不到|找不到|不显示)|"
    r"(?:报告|报表|结果)[^，,。?？]{0,8}(?:没有?|不)(?:显示|出现)|(?:没有?|不)(?:显示|出现)在(?:报告|报表|结果)|"
    r"不计入|不算进|没有?被?(?:算进|计算|纳入|包括|包含)|未(?:被)?(?:统计|纳入|计算)|没(?:有)?被?统计|"
    # Not every row counted ("我导出的235行，为什么你没有全部算进去", "why didn't you count all
    # my rows"): the rows left out, by reason.
    r"没(?:有)?(?:全部|全都|都|全)(?:算进|计入|统计|算上|用上)|(?:只|才)算了\s?\d+|"
    r"(?:为什么|为啥|怎么)[^，,。?？]{0,12}(?:只有|只剩|才)\s?\d+|\bwhy (?:only|just) \d+|"
    r"\b(?:didn't|did not|don't|doesn't|not) (?:you )?(?:count|use|include)d? (?:all|every)\b|"
    r"\bnot all (?:of )?(?:my |the )?(?:rows|lines|orders)\b|\bonly (?:counted|used|included) \d+"
)
"""Rows of the file asked about as not counted, whatever their reason ("我的表里有多少单没算进去",
"为什么德国站有些订单不计入", "why weren't some of my German orders counted?")."""
_NUMBERS_SUBJECT = re.compile(r"tracking|\bnumbers?\b|\blabels?\b|单号|追踪号|跟踪号|运单号")
_ROWS_SUBJECT = re.compile(
    r"orders?|packages?|shipments?|parcels?|\brows?\b|\blines?\b|订单|包裹|单(?!号)|(?<![银进])行"
)


def not_counted_asked(text: str) -> bool:
    """Rows of the file asked about as not counted (`NOT_COUNTED_ASKED`), not tracking
    numbers said not to count ("my USPS labels aren't counted, why?" asks why they are not
    valid): numbers named with no orders or packages are the numbers' question."""
    if not NOT_COUNTED_ASKED.search(text):
        return False
    return not (_NUMBERS_SUBJECT.search(text) and not _ROWS_SUBJECT.search(text))


UNTRACKED = re.compile(
    r"no tracking|without tracking|untracked|blank|没有?(?:上传)?(?:追踪|单号)|空白|没传"
)
"""Asked of the packages without any tracking, not every invalid one."""
BREAKDOWN = re.compile(
    r"breakdown|broken down|break (?:it |them |that )?down|\bsplit\b|"
    r"show (?:me )?(?:my |the |each |every |all )|list (?:my |the |each |every |all )|"
    r"分别看|分别列|拆开看|拆分|列出|列一下|明细"
)
"""A figure per marketplace asked for ("per marketplace breakdown", "按站点分别看"), not
whether Amazon judges per marketplace."""
WORST = re.compile(r"\bworst\b|\blowest\b|最差|最低|最糟|最烂")
POOLED_ASKED = re.compile(
    r"(?:overall|total|whole|combined|all-?together|altogether)\s+(?:vtr|valid tracking rate|"
    r"tracking rate|rate|figure|number|percentage)|"
    r"\b(?:vtr|valid tracking rate|rate|percentage)\s+(?:overall|in total|altogether|combined|"
    r"all together|across (?:everything|the board|all (?:of )?(?:my |the )?(?:shops|stores|"
    r"categories|marketplaces|packages))|for (?:everything|the whole (?:file|shop|store|account)))|"
    r"(?:整体|总的|总体|合计|全部|整个(?:店铺|文件|表)?|所有包裹)的?\s*(?:vtr|有效追踪率|追踪率|比率|百分比)|"
    r"(?:vtr|有效追踪率|追踪率)\s*(?:整体|总共|合计|一共|总的)"
)
"""The figure of every counted package together asked beside something else ("how many to
fix, and what's my total VTR?", "整体VTR是多少？一共要修几个"): given for context, as /vtr's
headline gives it."""
DUE_ASKED = re.compile(
    r"by when|\bdeadline|\bdue\b|how (?:long|much time) do (?:i|we) have|until when|"
    r"截止|最晚|期限|什么时候之前|几号之前|哪天之前|多久之内"
)
"""When the fixes are due, asked beside how many ("how many to fix, and by when?"): the
first fix's last day (its package's estimated delivery)."""
