"""Statements: sentences in which an actor of a country says, wants or does something.

No parser is available (or wanted: this runs on thousands of articles), so attribution is
done with a few robust cues over the sentence:

* the main-clause subject: actors named before the first verb, after any leading
  adverbial ("As the US and ..., Russian Foreign Minister Sergey Lavrov expressed ...");
  "Russia and China are committed" gives a statement for each;
* reporting frames: "..., X said", "according to X", "X quoted Y as saying", and quotes
  that open in one sentence and are attributed in a later one;
* an article memory for later mentions ("Lavrov said", "the minister", "he");
* news agencies are masked first, so "according to China's Xinhua" never makes a speaker.

When none of these finds an actor but something happens (a stance cue), the first country
the sentence names is taken: domestic actors ("rebels", "demonstrators in Baku") act where
they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .actors import ActorBook, ArticleMemory, Person, agencies, with_builtin
from .countries import ACTOR_KINDS, CAPITAL, CITY, DEMONYM, SEAT, Mention, find_countries
from .models import Article, Citation, Sentence, Statement
from .stance import classify_stance


def _wordset(words: str) -> frozenset[str]:
    """A set from a whitespace-separated word list (keeps long lists readable)."""
    return frozenset(words.split())


_TITLE_WORDS = _wordset(
    """president vice prime minister ministers foreign defense defence interior finance trade
    deputy secretary state general gen gen. lt lt. col col. maj maj. adm adm. sgt sgt. capt
    capt. dr dr. mr mr. mrs mrs. ms ms. sen sen. rep rep. gov gov. king queen prince crown emir
    sheikh ayatollah chancellor premier ambassador envoy spokesman spokeswoman spokesperson
    leader chief commander commanding head counterpart top senior official diplomat
    negotiator adviser advisor aide lawmaker senator federal supreme army military national
    security director chairman chairwoman speaker mayor pope cardinal archbishop judge
    attorney marshal admiral colonel major captain lieutenant sergeant former acting new
    interim incoming outgoing the his her their its leading human rights activist opposition
    rebel religious vice-president cabinet affairs external justice energy chief-of-staff
    strongman ruler dictator general-secretary sir lord lady baroness dame mp"""
)
_ROLE_HEADS = (
    "foreign minister|defense minister|defence minister|prime minister|foreign secretary|"
    "secretary of state|president|premier|minister|secretary|spokesman|spokeswoman|"
    "spokesperson|ambassador|envoy|leader|chancellor|king|emir|general|commander|diplomat|"
    "negotiator|official"
)
_BODY_HEADS = (
    "foreign ministry|defense ministry|defence ministry|ministry|embassy|government|"
    "administration|army|military|navy|air force|state media|media|authorities|police|"
    "officials|parliament|court|cabinet|foreign office|state department|forces|troops|"
    "junta|regime|leadership|delegation|mission|presidency|office"
)
_BODY_AFTER = re.compile(rf"^(?:['’]s?)?\s+((?:[\w-]+\s+){{0,2}}?(?:{_BODY_HEADS}))\b", re.I)
_REPORT = (
    r"said|says|say|told|tells|added|adds|noted|notes|warned|warns|urged|urges|stressed|"
    r"stresses|reaffirmed|reaffirms|expressed|expresses|voiced|voices|announced|announces|"
    r"claimed|claims|insisted|insists|stated|states|declared|declares|explained|argued|"
    r"asserted|confirmed|confirms|reported|reports|wrote|reiterated|reiterates|emphasized|"
    r"emphasised|remarked|commented|acknowledged|charged|cautioned|complained|quoted|"
    r"was quoted as saying|were quoted as saying|is quoted as saying"
)
_REPORT_RE = re.compile(rf"(?<![\w-])(?:{_REPORT})(?![\w-])")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+([^,;.]*(?:\.[A-Z][^,;.]*)*)")
_QUOTED_AS = re.compile(r"\bquoted\s+(.{1,80}?)\s+as\s+saying\b")
_INVERTED = re.compile(rf"[,”\"]\s*(?:{_REPORT})\s+([^,;]{{2,80}}?)\s*(?:[,;.]|$)")
_AUX = (
    r"is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|did|"
    r"does|do|won't|wouldn't|can't|cannot|isn't|aren't|wasn't|weren't|hasn't|haven't|"
    r"didn't|doesn't|don't"
)
_IRREGULAR = (
    r"said|says|say|told|tells|met|meets|meet|sought|seeks|made|makes|took|takes|gave|gives|"
    r"sent|sends|began|begins|held|holds|left|won|lost|fought|brought|kept|keeps|found|"
    r"struck|shot|spoke|stood|chose|broke|drew|threw|wrote|rose|fell|ran|came|comes|went|"
    r"goes|saw|sees|knew|thought|felt|put|set|hit|let|spread|became|becomes|want|wants|"
    r"plan|plans|seek|claim|claims|urge|urges|warn|warns|reject|rejects|call|calls|agree|"
    r"agrees|vow|vows|clash|clashes|continue|continues|remain|remains|accuse|accuses|deny|"
    r"denies|demand|demands|oppose|opposes|supports|threaten|threatens|insist|insists|"
    r"announces|hope|hopes|fear|fears|expect|expects|refuse|refuses|seem|seems|launch|"
    r"launches|stage|stages|blame|blames|condemn|condemns|protest|protests|offer|offers|"
    r"pledge|pledges|promise|promises|wins|faces|tries|try|appears|argues|believes|"
    r"consider|considers|needs|keep|continue|arrive|arrives|host|hosts|visit|visits"
)
_VERB_RE = re.compile(
    rf"(?<![\w'’-])(?:(?:{_AUX}|{_IRREGULAR})(?![\w'’-])|"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )"
    r"(?<!\bour )(?<!\bof )(?<!\band )(?<!\bthis )(?<!\bthat )"
    r"(?!(?:hundred|kindred|sacred|naked|wicked|wretched|rugged|ragged|beloved|speed|seed|"
    r"feed|creed|breed|greed|weed|reed|shed|bed|red|need|embed)\b)[a-z]{2,}ed(?![\w'’-]))"
)
_PASSIVE = re.compile(
    r"^(?:is|are|was|were|has been|have been|had been|being|been|will be|would be)\s+"
    r"(?:\w+ly\s+)?(?:killed|arrested|detained|put|taken|captured|wounded|jailed|held|"
    r"released|deported|expelled|attacked|shot|injured|investigated|charged|sentenced|"
    r"fired|launched|forced|kidnapped|seized|banned|accused|sanctioned|demolished|"
    r"destroyed|bombed|hit|targeted|executed|abducted|beaten|tortured|evicted|"
    r"blamed|condemned|criticized|criticised|questioned|interrogated|searched|raided|"
    r"shelled|struck|besieged|ousted|removed|dismissed|replaced|sued|fined|punished|"
    r"convicted|tried|imprisoned|exiled|hanged|stoned|occupied|invaded)\b"
)
_LEADING = re.compile(
    r"^\W*(?:(?:(?:And|But|So|Yet)\s+)?(?:[Aa]s|[Ww]hile|[Ww]hen|[Aa]fter|[Bb]efore|[Ii]n|[Oo]n|"
    r"[Aa]t|[Dd]uring|[Ll]ast|[Ee]arlier|[Ll]ater|[Ff]ollowing|[Ss]ince|[Ii]f)\b[^,\"“”]{0,200}?"
    r"|(?:As|While|When|After|Before|Although|Though|Despite|Since|If|Because|"
    r"Following|During|In|On|At|With|Amid|Amidst|Under|For|Last|This|Earlier|Later|Once|"
    r"Until|Given|Asked|Speaking|According to|Unlike|Like|Apart from|Besides|Beyond|"
    r"Over|Throughout|Within|Without|Ahead of|Prior to|Upon|By)\b[^,\"“”]{0,200}?"
    r"|(?:Meanwhile|However|Also|But|And|Still|Yet|Instead|Moreover|Furthermore|"
    r"Nevertheless|Separately|Today|Yesterday|Tuesday|Monday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|Now|Then|Thus|Therefore|Indeed|Overall|Again|Already))\s*,\s*"
)
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]{0,40})?\s*(?:\([^)]{1,40}\))?\s*"
    r"(?::|--|—|–|-)\s+"
    r"|[A-Z][\w .'’-]{1,30}(?:,\s*[A-Z][\w .'’-]{1,30})?\s*\((?:CNN|AP|AFP|Reuters|Yonhap|"
    r"Xinhua|dpa|UPI|Kyodo|IANS|PTI|EFE|ANSA|Bernama|Sputnik|TASS)\)\s*(?:--|—|–|-|:)?\s*)"
)
_NAME_TOKEN = (
    r"(?:(?:al|el|Al|El|bin|ibn|de|da|van|von|der|dos|du|le|la|di)[- ])?"
    r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z]+)*"
)
_NAME_RUN = re.compile(
    rf"(?<![\w'’-])(?:(?:{_NAME_TOKEN}|[A-Z][a-z]{{0,3}}\.)\s+){{0,5}}{_NAME_TOKEN}"
    r"(?![\w'’-]|\.\w)"
)
_NOT_NAME = _wordset(
    """The A An In On At Of For From To By With And But Or As After Before During Since He
    She It They We I This That These Those His Her Its Their Our Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Meanwhile However Last Next Earlier Later Also
    Following According Despite While When Although Some Many Most Several Both Each Every
    Military Security Council Nations United Union Command Defense Defence Space Missile
    Conference Agency News Party Front Movement Court Ministry Army Forces Force Navy
    Committee Commission Bank Office Department Association Institute University House
    Street Post Times Centre Center Group Company Corporation Organisation Organization
    League Federation Assembly Parliament Senate Congress Church Club Service Services
    Authority Board Fund Programme Program Summit Treaty Accord Act Bill Budget Report Prize
    Award Cup Games Olympics Airport Hospital School Society Foundation Trust Exchange Market
    Index Sea Ocean River Gulf Island Islands Peninsula Province Region City State Street
    Square Palace Hall Tower Bridge Road Station Stadium Prime President Minister Labour
    Conservative Democrats Democratic Republican Republicans Tory Tories Liberal Green
    Rights Human Affairs Development Relations Studies Research Health Energy Trade
    Observatory Monitor Watch International Global World Brigade Brigades Battalion
    Election Elections Open Championship Championships Grand Prix Festival Awards"""
)
_word_after_re = re.compile(r"(?:['’]s)?\s+([\w'’-]+)")
_ORG_WORDS = _wordset(
    """foundation association society institute museum council agency observatory union
    league federation company corporation bank airways airlines party front movement
    committee commission centre center university college school academy club group
    network broadcasting television radio press news post times herald"""
)
_CAPITAL_ACTS = re.compile(
    r"^(?:['’]s\s+(?:\w+\s+){0,2}?(?:government|ministry|officials?|leaders?|leadership|"
    r"regime|authorities|envoy|ambassador|embassy|military|army|media|state media|"
    r"spokes\w+|foreign|defen[cs]e|response|position|stance|opposition|decision|"
    r"move|plan|policy|strategic|nuclear|missile)|\s*,\s*(?:which|who)\b|\s+and\s+|"
    rf"['’]s\s+(?:[\w-]+\s+){{0,3}}?(?i:{_BODY_HEADS}))"
)
_HEARSAY = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$")
_PRIVATE_ROLE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:forward|midfielder|striker|defender|goalkeeper|keeper|winger|"
    r"captain|star|stars|player|players|footballer|actor|actress|singer|rapper|model|"
    r"designer|chef|driver|rider|boxer|golfer|champion|coach|manager|international|artist|"
    r"author|writer|band|tourist|tourists|man|woman|men|women|boy|girl|teenager|couple|"
    r"family|billionaire|businessman|businesswoman|company|firm|fans|supporters|cyclist|"
    r"swimmer|athlete|skier|sprinter|side|squad|team|club|league|cuisine|food|wine|"
    r"restaurant|brand|carmaker|bank|airline|giant|tycoon|heiress|director|magazine|"
    r"newspaper|daily|weekly|tabloid|broadcaster|channel|website|news agency|"
    r"(?:state|official) news agency|wire service|photographer|scientists?|researchers?)\b"
)
_OTHER_FIRST_NAME = re.compile(r"\b([A-Z][a-z]+)\s+$")
_SUBORDINATOR = re.compile(r"\b(?:as|when|while|after|before|because|since|although|though|"
                           r"until|once)\s+(?:the\s+|a\s+)?$")
_SPACES = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"[a-z]+\b")
_NAME_VERB_S = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+([a-z]{3,}s)\b")
_VERB_S = re.compile(r"[a-z]+s\b")
_NOT_VERBS = _wordset("officials forces troops authorities leaders rebels ministers lawmakers "
                      "diplomats police news rights affairs sources residents")
_NAMED_AFTER = re.compile(r"\s+[A-Z][a-z]")  # 'the Dubai Open', 'London Wasps': a name
_CAPITAL_VERB = re.compile(
    rf"\s*(?:\([^)]*\)\s*)?(?:[a-z]+\s+){{0,2}}?(?:{_AUX}|{_IRREGULAR}|[a-z]{{2,}}ed)\b"
)
_DETERMINERS = _wordset("its his her their the a an our this that these those")
_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?")
_TITLE_LOWER = re.compile(r"\b(?:President|Premier|Prime Minister|Chancellor|King|Secretary)"
                          r"\s+([a-z][a-z-]+)\b")
_PRONOUN = re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he)(?![\w'’-])")
_IT = re.compile(r"^\W*[Ii]t(?![\w'’-])")
_PAIR = re.compile(r"\b(?:the two (?:countries|nations|sides|governments|leaders|"
                   r"ministers|powers|allies)|both (?:countries|nations|sides|governments))\b",
                   re.I)
_NATION = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:nation|country|regime|kingdom|"
                     r"republic|communist state|isolated state)\b")
_ROLE_REF = re.compile(rf"\b[Tt]he\s+(?:(?:top|chief|senior|deputy|vice)\s+)?"
                       rf"({_ROLE_HEADS}|ministry|embassy)\b")
_LOCATIVE_END = re.compile(r"\b(?:in|at|near|across|inside|throughout|around)\s+(?:the\s+)?$")
_INTENT = re.compile(
    r"(?:is |are |was |were |has |have )?(?:\w+ly )?(?:will|would|shall|plan|plans|planned|"
    r"planning|want|wants|wanted|seek|seeks|sought|intend|intends|mull|mulls|mulling|"
    r"consider|considers|considering|weigh|weighs|weighing|hope|hopes|expect|expects|aim|"
    r"aims|ready|prepared|set to|going to|committed|determined|keen|eager|trying|tries)\b"
)
_COPULA = re.compile(
    r"(?:is|are|was|were|be|been|has|have|had|seems?|seemed|remains?|remained|becomes?|"
    r"became|appears?|appeared)\b(?!\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en)\b)"
)
_HEAD_OF_STATE = re.compile(r"\b(?:President|Prime Minister|Premier|King|Emir|Sultan|Sheikh)\s")
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she|we|i|you|it|they|this|that)\b", re.I)
_GENERIC_SUBJECT = re.compile(
    r"\b(?:rebels?|demonstrators?|protesters?|protestors?|activists?|leaders?|officials?|"
    r"president|prime minister|minister|government|authorities|police|troops|forces|"
    r"army|military|parliament|court|opposition|parties|party|group|people|prisoners?|"
    r"students|workers|militants?|guerrillas?|refugees|residents|villagers|soldiers|"
    r"lawmakers|union|coalition|cabinet|king|emir|ruler|junta|council|diplomats?|"
    r"negotiators?|envoys?|members|spokes(?:man|woman|person))\b",
    re.I,
)


@dataclass
class _Cand:
    """An actor named in the sentence: where, which country, and who if known."""

    start: int
    end: int
    iso3: str
    speaker: str | None
    weak: bool = False  # resolved through the article memory rather than named here
    person: bool = False  # a person (or "" country: a person whose country is unknown)


_QUOTE_CHARS = re.compile("[“”\"]")


@lru_cache(maxsize=1)
def _agency_re() -> re.Pattern[str]:
    names = sorted(agencies(), key=len, reverse=True)
    body = "|".join(map(re.escape, names))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _quote_spans(text: str, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of quoted text; ``inside`` says the sentence starts within an open quote."""
    spans: list[tuple[int, int]] = []
    start = 0 if inside else -1
    for m in _QUOTE_CHARS.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "“" or (ch == '"' and start < 0):
            if start < 0:
                start = i
        elif start >= 0:
            spans.append((start, i + 1))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans, start >= 0


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _agency_spans(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Agency names plus the country that owns them ("China's Xinhua News Agency")."""
    out: list[tuple[int, int]] = []
    for m in _agency_re().finditer(text):
        start = m.start()
        pre = text[:start]
        lead = re.search(r"(?:\b(?:the|The)\s+)?(?:(?:state|official|state-run|state-owned|"
                         r"semi-official|government|official)\s+)*$", pre)
        if lead:
            start = lead.start()
        for c in mentions:
            if c.end <= start and re.fullmatch(r"(?:['’]s?)?\s+(?:(?:state|official|"
                                               r"state-run|semi-official)\s+)*",
                                               text[c.end : start]):
                start = c.start
        out.append((start, m.end()))
    return out


def _strip_titles(run: str) -> tuple[str, str]:
    """'Foreign Minister Sergey Lavrov' -> ('Sergey Lavrov', 'Foreign Minister')."""
    words = run.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(",") in _TITLE_WORDS:
        i += 1
    return " ".join(words[i:]), " ".join(words[:i])


def _left_country(text: str, start: int, mentions: Sequence[Mention]) -> tuple[Mention, str] | None:
    """A country stated just before a name: 'Russian Foreign Minister |Sergey Lavrov'."""
    words = re.findall(r"[\w.'’-]+", text[max(0, start - 80) : start])
    role: list[str] = []
    for w in reversed(words):
        if w.lower() in _TITLE_WORDS or (w.islower() and len(role) < 4):
            role.insert(0, w)
            continue
        break
    for mn in mentions:
        gap = text[mn.end : start]
        if mn.end <= start and len(gap) < 80 and mn.kind in ACTOR_KINDS and re.fullmatch(
            r"(?:['’]s?)?\s+(?:[\w.'’-]+\s+){0,6}", gap
        ):
            gap_words = re.findall(r"[\w.'’-]+", gap)
            if all(w.lower() in _TITLE_WORDS or w.islower() or w in ("'s", "’s")
                   for w in gap_words) and any(w.lower() in _TITLE_WORDS for w in gap_words):
                return mn, " ".join(w for w in gap_words if w not in ("s",))
    return None


def _right_country(text: str, end: int, mentions: Sequence[Mention]) -> tuple[Mention, str] | None:
    """A country stated just after a name: 'Yun Byung-se, South Korea's foreign minister,'."""
    rest = text[end:]
    m = re.match(r"\s*,\s*(?!who\b|which\b|whose\b|that\b)([^,;“”\"]{3,120})", rest)
    m_of = re.match(r"\s+of\s+(?:the\s+)?", rest)
    if m_of:
        for mn in mentions:
            if mn.start == end + m_of.end() and mn.kind in ACTOR_KINDS:
                return mn, ""
    if not m:
        return None
    clause = m.group(1)
    words = clause.lower().split()
    if not any(w.strip("'’s") in _TITLE_WORDS and w not in _DETERMINERS for w in words[:8]):
        return None
    lo, hi = end + m.start(1), end + m.end(1)
    for mn in mentions:
        if lo <= mn.start < hi and mn.kind in ACTOR_KINDS and _stands_for_state(text, mn):
            return mn, clause.strip()
    return None


def _people(
    text: str, mentions: Sequence[Mention], memory: ArticleMemory, book: ActorBook,
    masks: Sequence[tuple[int, int]],
) -> list[_Cand]:
    """Named people and known actors in the sentence, with their country."""
    cands: list[_Cand] = []
    index = book.index()
    taken: list[tuple[int, int]] = []
    pattern = book.pattern()
    if pattern is not None:
        for m in pattern.finditer(text):
            if _inside(m.start(), masks):
                continue
            actor = index[m.group()]
            prev = _OTHER_FIRST_NAME.search(text, 0, m.start())
            if prev and m.group() != actor.name and prev.group(1).lower() not in _TITLE_WORDS \
                    and prev.group(1) not in _NOT_NAME and prev.group(1) not in actor.name:
                continue  # 'Michelle Obama' is not Barack Obama
            explicit = _left_country(text, m.start(), mentions) or \
                _right_country(text, m.end(), mentions)
            iso = explicit[0].iso3 if explicit else actor.country
            speaker = actor.name
            person = Person(speaker, iso, actor.role)
            memory.remember(person)
            if m.group() != actor.name:
                memory.keys[m.group()] = person
            cands.append(_Cand(m.start(), m.end(), iso, speaker, person=True))
            taken.append((m.start(), m.end()))
    lowered = book.lowered
    for m in _TITLE_LOWER.finditer(text):
        low = lowered.get(m.group(1))
        if low and not _inside(m.start(1), taken):
            cands.append(_Cand(m.start(1), m.end(1), low.country, low.name, person=True))
    for m in _NAME_RUN.finditer(text):
        if _inside(m.start(), masks) or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        run_start = max([m.start(), *(mn.end for mn in mentions
                                      if m.start() <= mn.start and mn.end <= m.end())])
        run = text[run_start : m.end()].lstrip(" '’s")
        if not re.search(r"[A-Z]", run) or len(run) < 2:
            continue
        name, title = _strip_titles(run)
        start = m.end() - len(name)
        if any(mn.start < m.end() and start < mn.end for mn in mentions):
            continue  # the rest of the run is a country name
        tokens = name.split()
        if tokens[0] in _NOT_NAME or tokens[-1] in _NOT_NAME:
            continue
        found = mentions and (_left_country(text, start, mentions)
                              or _right_country(text, m.end(), mentions))
        known = memory.lookup(name) or memory.lookup(tokens[-1])
        if found and (len(tokens) >= 2 or title):
            mn, role = found
            person = Person(name, mn.iso3, role or title)
            memory.remember(person)
            cands.append(_Cand(start, m.end(), mn.iso3, name, person=True))
        elif known:
            cands.append(_Cand(start, m.end(), known.country, known.name, person=True))
        elif title or (2 <= len(tokens) <= 3 and all(_PLAIN_NAME.fullmatch(t) for t in tokens)):
            # Someone whose country the text does not give: remembered so that "he said"
            # after them is not pinned on an earlier, known person.
            memory.remember(Person(name, "", title))
            cands.append(_Cand(start, m.end(), "", name, person=True))
    return cands


def _country_cands(
    text: str, mentions: Sequence[Mention], people: Sequence[_Cand], memory: ArticleMemory
) -> list[_Cand]:
    """Countries named as actors, each with the body or person that speaks for it."""
    out: list[_Cand] = []
    for mn in mentions:
        if mn.kind not in ACTOR_KINDS or not _stands_for_state(text, mn):
            continue
        speaker: str | None = None
        tail = text[mn.end : mn.end + 60]
        nearby = [p for p in people if p.iso3 == mn.iso3 and 0 <= p.start - mn.end < 60
                  and not re.search(r"[,;:()]", text[mn.end : p.start])
                  and not _VERB_RE.search(text, mn.end, p.start)]
        if nearby:
            speaker = nearby[0].speaker
        else:
            role = re.match(rf"^\s+((?:[\w-]+\s+){{0,2}}?(?i:{_ROLE_HEADS}))\b(?!\s+[A-Z])",
                            tail)
            body = _BODY_AFTER.match(tail)
            if role:
                head = role.group(1).split()[-1]
                p = memory.last_person(mn.iso3, head) or memory.last_person(mn.iso3)
                speaker = p.name if p else None
            elif body and not any(w.lower() in _DETERMINERS or _VERB_RE.fullmatch(w)
                                  for w in body.group(1).split()[:-1]):
                phrase = text[mn.start : mn.end + body.end()]
                memory.remember_body(body.group(1).split()[-1], mn.iso3, phrase)
                if mn.kind != DEMONYM or body.group(1).lower() not in ("forces", "troops"):
                    speaker = phrase
        if speaker is None and mn.kind == SEAT:
            speaker = mn.text.removeprefix("the ").removeprefix("The ")  # 'the Kremlin'
        out.append(_Cand(mn.start, mn.end, mn.iso3, speaker))
    return out


def _stands_for_state(text: str, mn: Mention) -> bool:
    """Whether a mention can be the state acting, not a place or part of a proper name.

    'UK-based group', 'British Skin Foundation', 'Wellington Batucada' and 'the London
    Wasps captain' are not their governments; a capital acts only when it does something
    ('Seoul, which ..., has denied', 'Washington and Seoul began talks') or owns a body.
    """
    rest = text[mn.end : mn.end + 60]
    if rest.startswith(("-based", "-born", "-registered")):
        return False
    after = _word_after_re.match(rest)
    nxt = after.group(1) if after else ""
    if mn.kind != SEAT and _PRIVATE_ROLE.match(rest):
        return False  # 'the French forward', 'a US company': a person or firm, not the state
    if mn.kind == DEMONYM and not mn.text.endswith("s") and \
            re.search(r"\b[Tt]he\s+$", text[max(0, mn.start - 6) : mn.start]) and \
            _VERB_RE.match(text, mn.end + 1):
        return False  # 'the German appears to ...': one person of that nationality
    if mn.kind == DEMONYM and nxt[:1].isupper():
        run = re.match(r"(?:\s+(?:[A-Z][\w'’-]*|of|for|and|the))+", rest)
        words = run.group().lower().split() if run else []
        return not any(w in _ORG_WORDS for w in words[:5])  # 'British Skin Foundation'
    if mn.kind == CAPITAL:
        if _CAPITAL_ACTS.match(rest):
            return True
        if nxt[:1].isupper() and not rest.startswith(","):
            return False
        acts = bool(_CAPITAL_VERB.match(rest))
        return acts or bool(_CAPITAL_ACTS.match(rest)) or _acts_as_place(text, mn.start)
    return True


def _acts_as_place(text: str, pos: int) -> bool:
    """'Military officials in Seoul': a capital naming where a generic actor is."""
    return bool(_LOCATIVE_END.search(text[max(0, pos - 60) : pos])) and \
        bool(_GENERIC_SUBJECT.search(text[max(0, pos - 60) : pos]))


def _reference_cands(text: str, memory: ArticleMemory, named: Sequence[_Cand],
                     before: Person | None) -> list[_Cand]:
    """Actors the sentence refers back to: 'the minister', 'he', 'the two countries'."""
    out: list[_Cand] = []

    def free(a: int, b: int) -> bool:
        return not any(c.start < b and a < c.end for c in named)

    for m in _ROLE_REF.finditer(text):
        if not free(m.start(), m.end()):
            continue
        head = m.group(1).lower()
        if head in ("ministry", "embassy"):
            body = memory.last_body(head)
            if body:
                out.append(_Cand(m.start(), m.end(), body[0], body[1], weak=True))
        else:
            p = memory.last_person(role=head.split()[-1]) or None
            if p and p.country:
                out.append(_Cand(m.start(), m.end(), p.country, p.name, weak=True, person=True))
    for m in _PRONOUN.finditer(text):
        earlier = [c for c in named if c.person and c.end <= m.start()]
        if earlier:
            who: Person | None = memory.lookup(earlier[-1].speaker or "")
        else:
            who = before
        if who and who.country and free(m.start(), m.end()):
            out.append(_Cand(m.start(), m.end(), who.country, who.name, weak=True,
                             person=True))
    for m in _PAIR.finditer(text):
        if len(memory.last_subjects) >= 2 and free(m.start(), m.end()):
            for iso in memory.last_subjects:
                out.append(_Cand(m.start(), m.end(), iso, None, weak=True))
    for m in _NATION.finditer(text):
        if memory.last_country and free(m.start(), m.end()):
            out.append(_Cand(m.start(), m.end(), memory.last_country, None, weak=True))
    return out


def _region_start(text: str) -> int:
    """Skip a dateline and leading adverbials: 'Last month,' 'As the US ...,'."""
    pos = 0
    d = _DATELINE.match(text)
    if d:
        pos = d.end()
    for _ in range(3):
        m = _LEADING.match(text[pos:])
        if not m:
            break
        pos += m.end()
    return pos


def _first_verb(text: str, start: int, skip: Sequence[tuple[int, int]]) -> re.Match[str] | None:
    """The first finite verb from ``start``; 'Brough talks' counts (name + verb-s)."""
    found = None
    for m in _VERB_RE.finditer(text, start):
        if not _inside(m.start(), skip):
            found = m
            break
    for n in _NAME_VERB_S.finditer(text, start, found.start() if found else len(text)):
        if not _inside(n.start(1), skip) and n.group(1) not in _NOT_VERBS:
            return _VERB_S.match(text, n.start(1))
    return found


def _attribution_spans(text: str, region: int, quotes: Sequence[tuple[int, int]]
                       ) -> list[tuple[int, int, int]]:
    """(start, end, verb position) of the noun phrases that a reporting frame names."""
    spans: list[tuple[int, int, int]] = []
    for m in _ACCORDING.finditer(text):
        if not _inside(m.start(), quotes):
            spans.append((m.start(1), m.end(1), m.start()))
    for m in _QUOTED_AS.finditer(text):
        if not _inside(m.start(), quotes):
            spans.append((m.start(1), m.end(1), m.start()))
    for m in _INVERTED.finditer(text):
        np = m.group(1)
        if not _inside(m.start(), quotes) and len(np.split()) <= 7 and not _VERB_RE.search(np):
            spans.append((m.start(1), m.end(1), m.start()))
    for m in _REPORT_RE.finditer(text):
        if _inside(m.start(), quotes) or m.start() < region or _HEARSAY.search(text, 0, m.start()):
            continue
        before = text[: m.start()]
        cut = max(before.rfind(ch) for ch in ",;:“”\"(—")
        lo = max(cut + 1, region if cut < region else 0)
        if len(text[lo : m.start()].split()) <= 14:
            spans.append((lo, m.start(), m.start()))
    return spans


def _analyse(
    text: str, context: str, memory: ArticleMemory, book: ActorBook, in_quote: bool
) -> tuple[list[tuple[str, str | None, str]], bool, bool]:
    """Statements (iso3, speaker, stance) of one sentence, whether a quote stays open,
    and whether the sentence had its own attribution (to settle pending quotes)."""
    memory.sentence_no += 1
    quotes, still_open = _quote_spans(text, in_quote)
    mentions_all = find_countries(text, context)
    pattern = book.pattern()
    if not (mentions_all or in_quote or (pattern is not None and pattern.search(text))
            or _TITLE_LOWER.search(text) or _may_refer(text, memory)):
        if memory.people:
            _note_unplaced_people(text, memory)
        return [], still_open, False  # nobody to attribute anything to: skip the work
    masks = _agency_spans(text, mentions_all)
    mentions = [mn for mn in mentions_all if not _inside(mn.start, masks)]
    before = memory.last_person()
    people = _people(text, mentions, memory, book, masks)
    named = [*people, *_country_cands(text, mentions, people, memory)]
    named = [c for c in named if not _inside(c.start, quotes)]
    refs = [c for c in _reference_cands(text, memory, named, before)
            if not _inside(c.start, quotes) and not _inside(c.start, masks)]
    cands = sorted(named + refs, key=lambda c: c.start)
    region = _region_start(text)
    skip = [*quotes, *masks, *((c.start, c.end) for c in cands)]
    verb = _first_verb(text, region, skip)
    verb_at = verb.start() if verb else len(text)
    passive = bool(verb and _PASSIVE.match(text[verb.start() :]))
    subjects = [c for c in cands if region <= c.start < verb_at
                and _acts_here(text, region, c.start)]
    if not subjects and _IT.match(text[region:]) and memory.last_subjects and \
            memory.subjects_at == memory.sentence_no - 1:
        subjects = [_Cand(region, region + 2, iso, None, weak=True)
                    for iso in memory.last_subjects[:1]]
    if passive and verb:
        agent = re.match(r"\S+\s+(?:\w+ly\s+)?\S+\s+by\b", text[verb.start() :])
        after = [c for c in cands if c.start > verb.start()]
        if agent:
            lo = verb.start() + agent.end()
            subjects = [c for c in after if lo <= c.start < lo + 60]
        else:
            subjects = [c for c in after[:1] if any(
                mn.start == c.start and mn.kind == DEMONYM for mn in mentions)]
    attributed: list[_Cand] = []
    frames = _attribution_spans(text, region, quotes)
    for lo, hi, _ in frames:
        attributed += [c for c in cands if lo <= c.start < hi]
    out: dict[str, tuple[str | None, str]] = {}

    def add(c: _Cand, stance: str) -> None:
        if not c.iso3:
            return
        old = out.get(c.iso3)
        if old is None or (old[0] is None and c.speaker):
            out[c.iso3] = (c.speaker or (old[0] if old else None), old[1] if old else stance)

    reported = bool(verb and _REPORT_RE.match(text, verb.start()))
    neutral_ok = reported or bool(verb and (_INTENT.match(text, verb.start())
                                            or not _COPULA.match(text, verb.start())))
    for c in subjects:
        if c.person and text.startswith(("'s", "’s"), c.end):
            c = _Cand(c.start, c.end, c.iso3, None)  # "Brown's ally said": not Brown
        stance = classify_stance(text, after=c.end, speech_only=reported)
        if stance != "STATEMENT" or neutral_ok or c.person or c.speaker:
            add(c, stance)
    for c in attributed:
        if c.weak and out:
            continue
        if c.iso3 in out:
            add(c, out[c.iso3][1])
            continue
        verb_pos = min((v for lo, hi, v in frames if lo <= c.start < hi), default=c.end)
        stance = classify_stance(text, after=verb_pos) if subjects else classify_stance(text)
        add(c, stance if not subjects or _stance_verb_at(text, verb_pos) else "STATEMENT")
    own = bool(attributed)
    if not out and memory.quote_speaker and in_quote:
        iso, who = memory.quote_speaker
        out[iso] = (who, classify_stance(text, speech_only=True))
    if not out:
        for c in cands:
            if not c.weak and c.iso3 and _subordinate_subject(text, c):
                add(c, classify_stance(text, after=c.end))
                break
    if not out:
        out.update(_fallback(text, cands, mentions_all, masks, quotes, region, verb_at, passive))
    if still_open and out:
        first = next(iter(out.items()))
        memory.quote_speaker = (first[0], first[1][0])
    elif not still_open:
        memory.quote_speaker = None
    countries = tuple(dict.fromkeys(c.iso3 for c in subjects if c.iso3 and not c.person
                                    and not c.weak))
    if countries:
        memory.last_subjects = countries
        memory.subjects_at = memory.sentence_no
    actor_mentions = [mn for mn in mentions if mn.kind in ACTOR_KINDS]
    if actor_mentions:
        memory.last_country = actor_mentions[-1].iso3
    return [(iso, who, stance) for iso, (who, stance) in out.items()], still_open, own


def _acts_here(text: str, region: int, pos: int) -> bool:
    """'Rebels in the Ivory Coast' names an actor; 'the devastation in Nepal' does not."""
    before = text[region:pos]
    if not _LOCATIVE_END.search(before):
        return True
    return bool(_GENERIC_SUBJECT.search(before))


def _note_unplaced_people(text: str, memory: ArticleMemory) -> None:
    """Remember people of unknown country so a later 'he' is not pinned on someone else."""
    for m in _NAME_RUN.finditer(text):
        name, title = _strip_titles(m.group())
        tokens = name.split()
        if tokens[0] in _NOT_NAME or tokens[-1] in _NOT_NAME:
            continue
        if title or (2 <= len(tokens) <= 3 and all(_PLAIN_NAME.fullmatch(t) for t in tokens)):
            memory.remember(Person(name, "", title))


def _subordinate_subject(text: str, c: _Cand) -> bool:
    """'The stopover came as the US leader prepared ...': the subject of an 'as/when/after'
    clause acts even when the main clause names nobody."""
    if not _SUBORDINATOR.search(text, max(0, c.start - 40), c.start):
        return False
    pos = c.end + (2 if text.startswith(("'s", "’s"), c.end) else 0)
    for _ in range(3):
        gap = _SPACES.match(text, pos)
        if not gap:
            return False
        if _VERB_RE.match(text, gap.end()):
            return True
        word = _LOWER_WORD.match(text, gap.end())
        if not word:
            return False
        pos = word.end()
    return False


def _may_refer(text: str, memory: ArticleMemory) -> bool:
    """Whether ``text`` may refer back to an actor the article introduced before."""
    if (memory.people or memory.bodies) and (
        _PRONOUN.search(text) or _ROLE_REF.search(text) or any(k in text for k in memory.keys)
    ):
        return True
    if memory.last_subjects and (_PAIR.search(text) or _IT.match(text)):
        return True
    return bool(memory.last_country and _NATION.search(text))


def _stance_verb_at(text: str, pos: int) -> bool:
    """True when the reporting verb itself carries a stance ('warned', 'urged')."""
    return classify_stance(text[pos : pos + 40]) != "STATEMENT"


def _fallback(
    text: str, cands: Sequence[_Cand], mentions: Sequence[Mention],
    masks: Sequence[tuple[int, int]], quotes: Sequence[tuple[int, int]], region: int,
    verb_at: int, passive: bool,
) -> dict[str, tuple[str | None, str]]:
    """No actor found: if something happens, the first country named (domestic actors act
    where they are: 'rebels in the Ivory Coast', 'demonstrators in Baku')."""
    if not mentions and not cands:
        return {}
    stance = classify_stance(text)
    if stance == "STATEMENT":
        return {}
    subject_text = text[region:verb_at]
    if any(c.person and region <= c.start < verb_at for c in cands) and not passive \
            and not _HEAD_OF_STATE.search(subject_text):
        return {}  # a person of unknown country is the subject: no guessing
    if _PRONOUN_SUBJECT.match(subject_text):
        return {}  # "he", "we": someone the memory could not place
    generic = bool(_GENERIC_SUBJECT.search(subject_text)) or not subject_text.strip()
    if generic or passive:
        places = [mn for mn in mentions if not _inside(mn.start, masks)
                  and not _inside(mn.start, quotes) and (not passive or mn.start > verb_at)
                  and not (mn.kind in (CITY, CAPITAL) and _NAMED_AFTER.match(text, mn.end))
                  and not text.startswith("-based", mn.end)]
        if places:
            return {places[0].iso3: (None, stance)}
        return {}
    return {}


def find_statements(
    article: Article, sentences: Sequence[Sentence], actors: ActorBook | None = None
) -> tuple[Statement, ...]:
    """Every statement in ``article``, each traced to its sentence.

    ``actors`` (the user's actors.yaml) is added to the built-in book of leaders.
    """
    book = with_builtin(actors)
    context = f"{article.title}\n{article.text}"
    memory = ArticleMemory()
    found: list[Statement] = []
    pending: list[Sentence] = []
    in_quote = False
    for sent in sentences:
        text = sent.text
        results, still_open, own = _analyse(text, context, memory, book, in_quote)
        if pending and own and results and not still_open:
            for p in pending:
                for iso, who, _ in results:
                    found.append(_statement(article, p, iso, who, classify_stance(p.text)))
            pending = []
        if not results and (still_open or in_quote):
            pending.append(sent)
        if not still_open and not in_quote:
            pending = []
        for iso, who, stance in results:
            found.append(_statement(article, sent, iso, who, stance))
        in_quote = still_open
    found.sort(key=lambda s: s.sentence)
    return tuple(found)


def _statement(article: Article, sent: Sentence, iso: str, who: str | None,
               stance: str) -> Statement:
    return Statement(text=sent.text.strip(), country=iso, speaker=who, stance=stance,
                     citations=(Citation(article.id, sent.index),))
