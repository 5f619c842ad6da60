"""Transcript furniture: speaker turns ("Mr SMITH (Hume) (14:10):", "Q:", "President. –"), stage directions
("(Laughter)", "(in French)") and procedural turns ("Thank you, Mr Speaker", "Next question, please").

Stage directions and role-only labels are never entities; the name in a label is a person. For pillars a turn
is scored on its own words (not its label, not the question before it), and procedural turns get none.

This module is the one definition of that furniture: what a speaker label is (:func:`speaker_labels`, Hansard
office labels naming their holder in brackets included), which labels are a chair's or a questioner's
(:func:`label_role`), which words name an office (``OFFICES``, ``OFFICE``, ``OFFICE_TITLE_WORDS``,
``OFFICE_HEAD``), what is procedure (:func:`procedural_rest`: "Thank you, Mr Speaker"; :func:`is_formula`: "The
meeting rose at 1.20 p.m.", a turn of greetings only). The pillar scorer, the document's topic, the commitment turns and the entity clean-up all call it,
so they agree on what a turn is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from briefing_app.nlp.headline import is_headline
from briefing_app.nlp.rules import STARTERS
from briefing_app.nlp.titles import PEERAGES

#: Bracketed notes of a transcript (applause, inaudible passages, the language spoken, interpretation).
STAGE_DIRECTION = re.compile(
    r"\(\s*(?:laughter|laughs|applause|inaudible|unintelligible|crosstalk|cross-talk|interruption|interjections?"
    r"|cheers|pause|silence|off[- ]mic(?:rophone)?|audio\s+(?:gap|cut)|technical\s+(?:difficulties|problems)"
    r"|no\s+translation|untranslated|sic|(?:speaks|speaking|continues|answer(?:ed)?|replies|question)\s+in\s+\w+"
    r"|in\s+[A-Z][a-z]+|(?:simultaneous\s+)?interpretation(?:\s+from\s+[A-Z][a-z]+)?|through\s+(?:an\s+)?interpreter"
    r"|as\s+translated|translated(?:\s+from\s+[A-Z][a-z]+)?|[A-Z][a-z]+\s+interpretation)\s*\)",
    re.IGNORECASE,
)
#: Offices whose holder answers for a side: ministers, heads of state and government, diplomats, spokespeople,
#: commanders, officials ("Minister", "Tánaiste", "Ambassador"); a senator or a member holds no such office.
OFFICES = frozenset("""minister ministers secretary prime premier chancellor spokesperson spokesman spokeswoman
commissioner ambassador envoy government tánaiste tanaiste taoiseach commander president vice-president king emir sheikh
prince governor mayor official director chief representative""".split())
#: An office named in a label or its notes ("Senator WONG (South Australia—Minister for Foreign Affairs)").
_OFFICE_ALTS = ("|".join(sorted(OFFICES, key=len, reverse=True))
                + r"|head\s+of\s+(?:state|government)|member\s+of\s+the\s+commission")
OFFICE = re.compile(r"(?i)\b(?:" + _OFFICE_ALTS + r")\b")
#: Words that chair a sitting or a briefing ("The SPEAKER", "Madam Deputy Speaker", "MODERATOR", "Cathaoirleach").
CHAIR_WORDS = frozenset("speaker chair chairman chairwoman chairperson moderator cathaoirleach".split())
#: A chair's label (its words before any bracketed note): the Speaker, a chair or moderator, a presiding officer
#: ("An Cathaoirleach", "An Ceann Comhairle" in Irish),
#: "The President" of a sitting (alone: "PRESIDENT RUTO" is a head of state) and a vice-president ("Vice-President
#: Omid Nouripour": parliaments' presiding deputies).
CHAIR_LABEL = re.compile(
    r"(?i)^\W*(?:(?:the|an|mr\.?|madam|hon(?:ourable)?\.?)\s+)*(?:(?:deputy|vice|acting)[\s-]+)?(?:speaker|chair(?:man|woman"
    r"|person)?|moderator|cathaoirleach|presiding\s+officer|ceann\s+comhairle)\b"
    r"|^\W*(?:(?:the|mr\.?|madam|hon(?:ourable)?\.?)\s+)*(?:vice[\s-]*president\b|president\s*(?:$|[(:.–—-]))")
#: A questioner's label: "Q", "QUESTION (Al Arabiya)", "Reporter (Reuters)", "HOST", "Interviewer".
QUESTIONER_LABEL = re.compile(
    r"(?i)^(?:q|question|questioner|reporter|reporters|journalist|interviewer|host|anchor|presenter|audience"
    r"(?:\s+member)?|participant)\b")
#: Titles and forms of address that designate a person ("Senator", "Mr", "Hon"), beside offices and chairs.
ADDRESS_WORDS = frozenset("senator deputy member representative mr mrs ms dr madam hon".split())
#: Words of a speaker label that are roles or honorifics, not a name (compared upper-cased).
ROLE_WORDS = frozenset("""
Q A MR MRS MS MISS DR PROF SIR DAME HE H.E. HON THE MODERATOR MODERATORS CHAIR CHAIRMAN CHAIRWOMAN CHAIRPERSON
SPEAKER DEPUTY PRESIDENT VICE PRIME MINISTER MINISTERS SECRETARY FOREIGN DEFENCE DEFENSE STATE GENERAL COMMANDER
FORCE AMBASSADOR SPOKESPERSON SPOKESMAN SPOKESWOMAN REPORTER REPORTERS JOURNALIST QUESTION QUESTIONER ANSWER
INTERVIEWER PARTICIPANT AUDIENCE MEMBER PRINCE PRINCESS KING QUEEN SHEIKH SHEIKHA EMIR HIS HER HIGHNESS MAJESTY
EXCELLENCY ROYAL SENATOR GOVERNOR MAYOR ADMIRAL CAPTAIN COLONEL LIEUTENANT MAJOR OFFICIAL OFFICIALS SENIOR
ADMINISTRATION DIRECTOR CHIEF HEAD ENVOY COMMISSIONER HIGH REPRESENTATIVE SPECIAL PERMANENT UNDER ASSISTANT
INTERPRETER TRANSLATOR HOST ANCHOR PRESENTER OPERATOR NARRATOR VOICE VOICES UNIDENTIFIED MALE FEMALE
SHRI SHRIMATI SMT KUMARI SUSHRI CHANCELLOR PREMIER CONGRESSMAN CONGRESSWOMAN DATUK
SEN REP RT COUNCILLOR COUNCILOR SARDAR
""".split()) | {w.upper() for w in OFFICES | CHAIR_WORDS | ADDRESS_WORDS if w != "government"}
# ("Government" stays a name word: "Government of Ruritania:" heads a section, not a turn)
#: Words of an office's title beside the office itself ("Deputy", "Acting", "of State", "High Commissioner",
#: "Permanent Representative", "Consul"): with the offices and chairs, the words an office line is made of.
OFFICE_QUALIFIERS = frozenset("""deputy vice prime under assistant under-secretary state special senior acting permanent
high general foreign principal head consul secretaries minister's""".split())
#: The words of an office's title (a signature's "Minister of Ports", a line "Deputy Prime Minister").
OFFICE_TITLE_WORDS = (OFFICES - {"government"}) | CHAIR_WORDS | OFFICE_QUALIFIERS
#: How an office's title begins, capitalised ("Minister", "High Commissioner", "Acting Director").
OFFICE_HEAD = re.compile(r"(?:" + "|".join(sorted(("-".join(p.capitalize() for p in w.split("-")) for w in OFFICE_TITLE_WORDS
                                                   - {"state", "general", "special", "secretaries", "minister's", "under"}),
                                                  key=len, reverse=True)) + r")\b")
#: Title words that make a turn of names alone a designation ("Prime Minister Jane Doe.", "Senator John Roe."):
#: offices, chairs and forms of address.
TITLE_WORDS = OFFICES | CHAIR_WORDS | ADDRESS_WORDS
#: Connectors of an office's name in a label ("THE MINISTER OF POWER"): the portfolio after them is a role too.
_OFFICE_JOINS = frozenset(("OF", "FOR"))
#: Role words that alone do not make a heading a speaker label ("The African Atlantic Gas Pipeline: ...").
_ARTICLES = frozenset(("THE", "A", "Q"))
#: A speaker label at the start of a line: a few capitalised words (an office may have "of" and a list of
#: portfolios: "Minister of Foreign Affairs Jane Doe", "The MINISTER OF TRADE, INDUSTRY AND COMPETITION"), optional
#: notes in brackets (party, constituency, a time stamp "[10:14:32]"), then ":".
_LABEL_BODY = (r"(?P<label>(?P<words>(?:[A-ZÀ-Þ][\w.'’-]*)(?:,?[ \t]+(?:[A-ZÀ-Þ][\w.'’-]*|of|for|and|the|de|van|von|al"
               # an honorific in brackets after the first title: "Sen. (Dr.) Omondi (Kisumu West):"
               r"|bin|\((?:Dr|Prof|Eng|Amb|Gen|Col|Capt|Rtd|Hon)\.?\))){0,7})(?P<notes>(?:[ \t]*(?:\([^()\n]{1,90}\)|\[[^\[\]\n]{1,40}\])){0,3}))[ \t]*:[ \t]+(?=\S)")
_LABEL = re.compile(r"(?m)^" + _LABEL_BODY)
#: The same, anywhere: a label said again in the middle of a line ("... next year? Senator WONG: Yes.").
_LABEL_AT = re.compile(_LABEL_BODY)
#: A Hansard office label too long for ``_LABEL``, naming its holder in brackets: "The Secretary of State for
#: Foreign, Commonwealth and Development Affairs (Jane Doe):", "12. The Minister of State (Lord Roe) (Lab):".
_OFFICE_LABEL = re.compile(r"(?m)^(?:\d+\.[ \t]+)?(?P<words>(?:The[ \t]+)?[A-ZÀ-Þ][^:\n().?!]{2,160}?)[ \t]*"
                           r"(?P<notes>\([A-ZÀ-Þ][^()\n:]{1,60}\)(?:[ \t]*\([^()\n]{1,30}\))?)[ \t]*:[ \t]+(?=\S)")
#: How such an office begins: an office, or a Westminster title ("Parliamentary Under-Secretary", "Leader of the
#: House", "Attorney General", "Lord Privy Seal").
_OFFICE_LABEL_HEAD = re.compile(r"(?i)(?:" + _OFFICE_ALTS + r"|parliamentary|under-secretary|deputy|leader|solicitor"
                                r"|attorney|advocate|paymaster|lord)\b")
#: Labels of a few words said again at line starts, or naming a speaker a fuller label introduced ("Lord Hanson of
#: Flint:" after "... (Lord Hanson of Flint):"), are labels even without a role word.
_SHORT_WORDS = 6
#: Text before a label said again inside a line: the previous sentence ended.
_BEFORE_INLINE = re.compile(r"[.?!)\]…—-]\s+$")
#: European Parliament verbatim style: "President. – ", "Name, role. – ", "Name (Group), blue-card question. – ".
_EP_LABEL = re.compile(r"(?m)^(?P<label>(?P<words>[A-ZÀ-Þ][^\n.:–—]{0,110}?))\.[ \t]+[–—-][ \t]+(?=\S)")
_ALLCAPS_NAME = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+")
#: A word of a holder's name in brackets, capitals or mixed case ("Jane", "DOE", "O'Neill").
_HOLDER_WORD = re.compile(r"[A-ZÀ-Þ][\w'’-]+")
#: A name word written in mixed case ("Catherine", "O'Neill", "Al-Enezi", "Søreide").
_MIXED_NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:['’-][A-ZÀ-Þa-zß-ÿ][a-zß-ÿ]+)*")
#: Procedural turns: chairing, thanks, greetings, question handling; never a pillar on their own.
#: The rest of a chair's sentence, up to a second clause with its own statement (", but first ...", "; ...").
_UP_TO_NEW_CLAUSE = r"(?:(?!\s*,?\s*but\s+(?:first|before)\b|\s*;)[^\n])*"
_PROCEDURE = (
    r"thank\s+you(?:\s+(?:very\s+much|all|for\s+coming|for\s+(?:your|the|that)\s+question))?", r"(?:many\s+)?thanks\b",
    r"thank\b", r"i\s+(?:would\s+like\s+to\s+)?thank", r"let\s+me\s+(?:first\s+)?thank",
    r"good\s+(?:morning|afternoon|evening)", r"ladies\s+and\s+gentlemen",
    r"(?:madam|mr\.?)\s+(?:president|speaker|chair(?:man|woman)?)\b", r"honourable\s+members",
    r"my\s+question\s+is\s+(?:to|for)\b(?:\s+the\s+(?:hon(?:ourable)?\s+)?(?:minister|secretary)"
    r"(?:\s+(?:of|for)\s+\w+(?:\s+(?:and\s+)?\w+){0,4})?)?",
    r"(?:the\s+)?(?:next|last|final|first)\s+question",
    r"(?:one\s+)?more\s+question", r"(?:now\s+)?i\s+(?:am|'m|’m)\s+(?:happy|glad|pleased)\s+to\s+take",
    r"(?:we|i)\s+(?:will|can)\s+(?:now\s+)?take\b", r"(?:i\s+)?(?:give|call)\s+(?:the\s+floor|on)\b",
    # the chair calling the next speaker: "I call the Minister.", "I now call the honourable member for Hume."
    r"i\s+(?:now\s+)?call\s+(?:up)?on\b",
    r"i\s+(?:now\s+)?call\s+(?=(?:the|my)\s+(?:[\w-]+\s+){0,3}?(?:member|minister|secretary|spokes\w+|senator|leader"
    r"|deputy|representative|chair\w*|shadow)\b)",
    r"the\s+floor\s+is\s+yours", r"order\b", r"hear,?\s+hear",
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:debate|sitting|meeting|session|hour)\s+is\s+(?:closed|suspended|adjourned|open(?:ed)?"
    r"|resumed|called\s+to\s+order)",
    # a moderator announcing the format: "The two ministers will make short statements and then take four questions."
    r"(?:the\s+)?(?:two\s+|three\s+|both\s+)?(?:ministers?|presidents?|leaders?|prime\s+ministers?|secretar(?:y|ies)"
    r"|speakers?|guests?|delegations?)\s+will\s+(?:first\s+)?(?:make|deliver|give|speak)\s+(?:(?:short|brief|opening)\s+)?"
    r"(?:statements?|remarks|briefly)(?:\s*,?\s*(?:and\s+)?(?:then\s+)?take\s+(?:\w+\s+)?questions?)?",
    # small talk of a broadcast: "Good to be with you, John.", "You're listening to Radio X.", "One at a time, please."
    r"(?:it\s+is\s+|it['’]s\s+)?(?:good|great|nice|a\s+pleasure)\s+to\s+(?:be\s+(?:with\s+you|here|back)|see\s+you|have\s+you)",
    # (the programme's name is capitalised: "You are watching the collapse of our fisheries" is a speech's content)
    r"you(?:['’]re|\s+are)\s+(?:listening\s+to|watching)(?:\s+(?-i:[A-Z0-9])[^.?!]*)?(?=\s*(?:[.?!,]|$))",
    r"one\s+at\s+a\s+time\b",
    r"the\s+next\s+item\s+is\b.*", r"the\s+vote\s+will\s+take\s+place",
    # the chair opening an item or inviting non-members to the table, whatever the item is about: "We come to the
    # topical hour on ...", "In accordance with rule 37, I invite the representatives of X to participate in this
    # meeting, which concerns ..."; up to a second clause with its own statement ("..., but first the Minister will
    # make a statement on the ceasefire", review round 19)
    r"we\s+(?:now\s+)?(?:come|turn|move|proceed)\s+to\s+(?:the\s+)?(?:topical\s+hour|(?:next\s+)?(?:agenda\s+)?item"
    r"|question\s+time|oral\s+questions|urgent\s+question)\b" + _UP_TO_NEW_CLAUSE,
    r"in\s+accordance\s+with\s+rules?\s+\d+\b[^.;]{0,80}?\bi\s+(?:now\s+)?(?:invite|call\s+(?:up)?on)\b"
    + _UP_TO_NEW_CLAUSE,
    r"[\w\s]{0,60}\bha(?:s|ve)\s+the\s+call\b", r"[\w\s]{0,40}\bhas\s+asked\s+(?:his|her|their)\s+question",
    r"the\s+\w+\s+will\s+speak\s+first", r"please\s+(?:go\s+ahead|identify)", r"go\s+ahead\b",
    # the close of the event, whatever it names ("That concludes today's press conference on trade"); what else
    # concludes is news ("This concludes the longest trade negotiation ..."), left to the rest's own words
    r"(?:that|this)\s+concludes(?:\s+(?:[\w'’]+\s+){0,3}?(?:press\s+conference|briefing|programme|program|show"
    r"|interview|session|meeting|sitting|hearing|statement|segment|debate|questions?|proceedings|broadcast|edition)\b"
    r"[^.;!?]*)?", r"see\s+you\b",
    # addressing the chair or the guest before thanks: "Prime Minister, thank you.", "Hon Deputy Speaker, I thank"
    r"(?:(?:hon(?:ourable)?|mr\.?|madam|deputy|vice|prime)\s+)*(?:prime\s+ministers?|presidents?|premier|ministers?|chancellor"
    r"|secretary|senator|ambassador|speaker|chair(?:man|woman|person)?|your\s+(?:excellency|highness|majesty))"
    r"(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2}\s*,(?=\s*(?:and\s+)?(?:many\s+)?(?:i\s+)?thank)",
    r"i\s+declare\s+the\s+(?:debate|sitting|meeting|session)\s+(?:open|closed|adjourned|resumed)",
    # addressing the chair before thanks or a ruling, Lok Sabha style: "Sir, I thank the hon. Minister."
    r"(?:sir|madam|ma'am)\s*,",
    # thanks for the question or the intervention: "I thank my hon. Friend for her question"
    r"(?:i\s+)?thank\s+(?:you|(?:the|my)\s+(?:[\w.-]+\s+){0,5}?)for\s+(?:(?:his|her|their|your|that|the|this)\s+)?"
    r"(?:(?:very\s+)?(?:good|important|kind|pertinent|excellent)\s+)?(?:question|intervention|point|remarks?|comments?"
    r"|words)",
    # the chair putting a question or recording a decision: "The question is that the Bill be now read a second
    # time.", "The ayes have it.", "The referral is so decided.", "The Secretary of State was asked—"
    r"the\s+question\s+is\s+(?:that|on)\b[^.;!?]*", r"the\s+(?:ayes|noes|contents|not\s+contents)\s+have\s+it",
    r"as\s+many\s+as\s+are\s+of\s+(?:that|the)\s+opinion\b[^.;!?]*",
    r"(?:the\s+)?[\w\s-]{0,80}\bis\s+so\s+(?:decided|ordered)\W*$",
    r"(?:the\s+)?[\w\s,()-]{0,100}\bwas\s+asked\s*[-–—:]*\s*$",
    r"(?:your|the|my)\s+(?:speaking\s+)?time\s+(?:has\s+)?(?:expired|is\s+up)",
    # the chair opening an item: "I call agenda item 9 and open the debate ...; the first speaker is ..."
    r"i\s+(?:now\s+)?call\s+(?:up\s+)?(?:agenda\s+)?items?\b[^;.]*", r"(?:and\s+)?(?:i\s+)?open\s+the\s+debate\b[^;.]*",
    r"the\s+(?:first|next|last)\s+speaker\s+is\b[^;.]*",
    # closing one's opening remarks: "That is all from me.", "That's all for today."
    r"that(?:\s+is|['’]s)\s+all\s+(?:from\s+me|for\s+(?:now|today)|i\s+have)",
)
# Forms of address: the one vocabulary of the titles a speaker addresses or names someone by, composed below into a
# vocative opening a sentence (the pillar scorer), a title named in a procedural sentence (``procedural_rest``) and a
# questioner addressing an office-holder (the commitment turns).
#: Honorifics and qualifiers before a title ("Mr", "Madam", "Hon.", "Right", "Deputy", "Prime", "Foreign", "Your").
_ADDRESS_HONORIFICS = (r"mr\.?|mrs\.?|ms\.?|dr\.?|madam|madame|mister|dear|hon(?:ourable)?\.?|right|learned|gallant"
                       r"|shadow|deputy|vice|prime|foreign|home|federal|state|senior|junior|chief|high|special|your")
#: Titles of office-holders: whoever is addressed by one answers for a side ("Minister", "Secretary of State",
#: "Head of Government", "Your Excellency").
_ADDRESS_OFFICES = (r"president|minister|secretary(?:-general|\s+of\s+state)?|chancellor|premier|commissioner"
                    r"|ambassador|governor|head\s+of\s+(?:state|government)|spokes(?:person|man|woman)|excellency"
                    r"|highness|majesty")
#: Titles of a sitting's chair and members, and plain forms of address ("Speaker", "my hon. Friend", "colleagues").
_ADDRESS_SEATS = (r"speaker|chair(?:man|woman|person)?|senator|member|friend|leader|rapporteur"
                  r"|(?:foreign\s+affairs\s+|select\s+|standing\s+)?committee|colleagues|sir|madam")
#: A title with its honorifics ("Madam Deputy Speaker", "Vice-President", "the right hon. Member").
_ADDRESS_TITLE = (r"(?:(?:" + _ADDRESS_HONORIFICS + r")(?:\s+|-))*(?:" + _ADDRESS_OFFICES + "|" + _ADDRESS_SEATS + ")")
#: Up to three capitalised words of a name after a title ("Minister Hussein", "President Jane Doe").
_ADDRESS_NAME = r"(?-i:\s+[A-ZÀ-Þ][\w'’-]+){0,3}"
#: Forms of address opening a sentence ("Prime Minister,", "Mr President,", "Madam President, Commissioner,",
#: "Minister Hussein,"): one or more, each a title with an optional name, then a comma.
VOCATIVE = re.compile(r"^(?:\W*(?:and\s+)?" + _ADDRESS_TITLE + _ADDRESS_NAME + r"\s*,\s*)+", re.IGNORECASE)
#: A title named in a procedural sentence ("I call the shadow Foreign Secretary.", "Thank you, President."), with
#: its portfolio ("the Minister for Trade and Industry"): it names who speaks next or who is thanked, not a topic.
_ADDRESS = re.compile(
    r"\b(?:(?:the|my)\s+)?" + _ADDRESS_TITLE
    + r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-ZÀ-Þ][\w'’-]*(?:,?\s+(?:and\s+)?)?){1,6})?", re.IGNORECASE)
#: A questioner addressing an office-holder ("Good morning, Minister,", "Prime Minister, ...", "Madam Head of
#: Government", "Your Excellency."): after a greeting or a sentence's start, or after "Mr"/"Madam" anywhere, a
#: capitalised office title, then a stop.
ADDRESSED = re.compile(
    r"(?:^|[,.!?]\s+|\b(?-i:morning|afternoon|evening|welcome|thank\s+you)\s*,?\s+|\b(?=(?-i:Mr|Madam)\b))"
    r"(?-i:(?=[A-ZÀ-Þ]))(?:(?:"
    + _ADDRESS_HONORIFICS + r")(?:\s+|-))*(?:" + _ADDRESS_OFFICES + r")\b" + _ADDRESS_NAME + r"\s*[,.!?]",
    re.IGNORECASE)
#: Procedural turns: chairing, thanks, greetings, question handling; never a pillar on their own.
PROCEDURAL = re.compile(r"^\W*(?:and\s+)?(?:" + "|".join(_PROCEDURE) + ")", re.IGNORECASE)

#: A questioner's change of subject, alone or after their credit ("On a different subject.", "Jane Doe, Daily Planet,
#: on another topic."): it announces the next question without asking it.
TOPIC_CHANGE = (r"(?:and\s+|now\s+|if\s+i\s+may,?\s+)*(?:on\s+(?:a\s+|an\s+|the\s+)?(?:different|another|other|separate|new"
                r"|unrelated)\s+(?:subject|topic|issue|matter|note|region|question|front)|(?:changing|to\s+change)\s+(?:the\s+)?"
                r"(?:subject|topic))")
#: The formulas of a meeting record and of parliamentary procedure: "The meeting was called to order at 10.05 a.m.",
#: "The meeting rose at 1.20 p.m.", "Point of order, President.", "There is no point of order.", "I beg to move, That
#: the Bill be now read a Second time.", "Will the Minister give way?", "I give way.", "The hon. Member has the floor."
RECORD_FORMULA = re.compile(
    r"^\W*(?:the\s+(?:meeting|sitting|session)\s+(?:was\s+(?:called\s+to\s+order|suspended|resumed|adjourned|closed)"
    r"|rose|resumed|(?:was\s+)?(?:opened|closed))(?:\s+at\s+[\w.: ]{1,20})?\W*$"
    r"|(?:on\s+a\s+)?point\s+of\s+order\b[^.;?]{0,40}\W*$|there\s+is\s+no\s+point\s+of\s+order\b[^;?]{0,40}$"
    # (moving a bill by its formula; a motion moved in full, "I beg to move the following Motion— THAT the Senate
    # approves the deployment of ...", is the debate's subject)
    r"|i\s+beg\s+to\s+move\b[^.;?]{0,70}\W*$"
    r"|(?:will|would)\s+the\s+(?:[\w.-]+\s+){0,4}give\s+way\W*$|i\s+(?:will\s+)?give\s+way\b"
    r"|(?:[^.;?]|\b(?:hon|mr|mrs|ms|dr|sen|rt)\.){0,60}\bha(?:s|ve)\s+the\s+floor\W*$"
    # a written answer tabled instead of read: "Sir, a statement is laid on the Table of the House." (the answer's
    # own paper: a treaty or a bill laid on the Table is news of it)
    r"|[^.;?]{0,40}\b(?:statement|reply|answer|information|details|list|annex(?:ure)?)\b[^.;?]{0,40}?"
    r"\b(?:is|are|was|were)\s+laid\s+on\s+the\s+table\b[^.;?]{0,30}\W*$"
    # members' interjections under a collective label: "Government members: Hear, hear!", "Some hon. members: Oh, oh!"
    r"|[^:.?!]{0,40}\bmembers\s*:\s*(?:hear,?\s+hear|oh,?\s+oh|shame|order|no|yes|aye)\W*$)", re.IGNORECASE)
#: A questioner changing the subject ("On a different subject.") and a broadcast's dropped line ("... sorry, the line
#: went."): in a transcript they announce or interrupt a question, they do not ask one (in a news story "The connection
#: dropped." is news, so these count only in a text with speaker turns; see :func:`is_formula`).
TURN_ASIDE = re.compile(
    r"^\W*(?:" + TOPIC_CHANGE + r"\W*$"
    r"|(?:sorry,?\s+)?(?:the\s+|our\s+)?(?:line|connection|sound|audio|signal)\s+(?:went|dropped|froze|cut\s+out"
    r"|(?:has\s+|is\s+)?(?:gone|breaking\s+up|lost))(?:\s+(?:for\s+a\s+(?:moment|second)|again))?\W*$)", re.IGNORECASE)
#: Greetings and thanks of the other languages a transcript keeps untranslated ("(in French) Bonjour à tous.",
#: "Talofa lava, and good morning to your listeners.", "Prime Minister, fa'afetai."), with the words that go with them.
FOREIGN_GREETINGS = (
    r"bonjour|bonsoir|merci(?:\s+beaucoup)?|hola|buen(?:os|as)\s+(?:d[ií]as|tardes|noches)|(?:muchas\s+)?gracias"
    r"|obrigad[oa]|bom\s+dia|boa\s+(?:tarde|noite)|grazie(?:\s+mille)?|buongiorno|buonasera|danke(?:\s+sch[öo]n)?"
    r"|guten\s+(?:morgen|tag|abend)|namaste|namaskar(?:am)?|(?:as-?)?salaa?m(?:u)?\s+(?:a|'a)?laikum|salaam|marhaba"
    r"|shukran|asante(?:\s+sana)?|jambo|karibu|talofa(?:\s+lava)?|fa['’]?afetai(?:\s+tele)?|kia\s+ora|m[aā]l[oō]\s+e"
    r"\s+lelei|bula(?:\s+vinaka)?|vinaka(?:\s+vakalevu)?|aloha|mabuhay|salamat|terima\s+kasih|selamat\s+(?:pagi|siang"
    r"|sore|malam|datang)|konnichiwa|arigat[oō](?:\s+gozaimasu)?|ni\s+hao|xie\s+xie|spasibo|sawubona|dumela"
    r"|mingalaba|sawasdee|xin\s+ch[àa]o|c[ảa]m\s+[ơo]n")
#: Greetings, welcomes and thanks that open a turn ("Good morning, Minister, and welcome to the studio.").
_GREETING_HEAD = re.compile(r"^\W*(?-i:(?:[A-ZÀ-Þ][\w'’.-]*|of|the)\s+){0,4}?(?-i:[A-ZÀ-Þ][\w'’.-]*\s*,\s*)?"
                            r"(?:good\s+(?:morning|afternoon|evening|day)|hello|welcome|thank\s+you|thanks|many\s+thanks"
                            r"|" + FOREIGN_GREETINGS + r")(?!\w)",
                            re.IGNORECASE)
#: What a greeting is made of besides names: the formulas themselves and whom they address.
_GREETING_WORDS = re.compile(
    r"\b(?:good\s+(?:morning|afternoon|evening|day)|hello|welcome(?:\s+back)?|thank\s+you|thanks|many|very|much|so|again"
    r"|ladies\s+and\s+gentlemen|everyone|everybody|all|listeners|viewers|audience|colleagues|friends|guests?|studio"
    r"|programme|program|show|us|me|having|being|joining|here|with|for|your|our|my|time|and|to|the|of|you|once|today"
    r"|tonight|this|morning|evening|afternoon|" + FOREIGN_GREETINGS + r"|[àa]\s+tou(?:te)?s|a\s+tod[oa]s|a\s+tutti|lava|tele"
    r"|et|y|e)(?!\w)", re.IGNORECASE)


def is_greeting(body: str) -> bool:
    """A turn made of greetings, welcomes and thanks with their addressees only ("Minister, welcome.", "Wale Doe,
    thank you.", "Good morning, Jane, and good morning to your listeners."): small talk, no subject."""
    if not _GREETING_HEAD.match(body):
        return False
    # only the formula's own words are taken off (case-sensitively for names: "Thank you for the gas deal" keeps
    # "gas deal")
    rest = re.sub(r"\b(?:[A-ZÀ-Þ][\w'’.-]*)", " ", body)
    rest = _GREETING_WORDS.sub(" ", rest)
    return not re.search(r"\w", rest)


def is_formula(body: str, greetings: bool = False) -> bool:
    """True for a sentence that is procedure whatever its words: a formula of the record or of parliamentary
    procedure ("The meeting rose at 1.20 p.m.", "I give way.") or, with ``greetings`` (a transcript's turn that
    welcomes no one to a place), greetings, welcomes and thanks with their addressees only, and a turn's asides
    (a change of subject, a dropped line)."""
    return bool(RECORD_FORMULA.match(body)) or (greetings and (is_greeting(body) or bool(TURN_ASIDE.match(body))))


@dataclass(frozen=True, slots=True)
class SpeakerLabel:
    """One speaker label: ``[start, end)`` covers it up to and including the colon/dash and the space after it."""

    start: int
    end: int
    #: spans of the person's name inside the label (capitals: "MOTEGI", "FAISAL BIN FARHAN")
    names: tuple[tuple[int, int], ...]
    #: spans of role-only words ("MODERATOR", "Q", "The SPEAKER"): never entities
    roles: tuple[tuple[int, int], ...]


#: A reporter's credit opening a question turn: "Q: Jane Doe, Daily Planet.", "Question: John Roe from Radio X.",
#: "Q: (Inaudible), Radio X." -- the name is a person, the outlet an organisation. The turn may open mid-line after
#: the moderator's sentence ("... take two questions. Q: Jane Doe, Radio 24 News."), and the credit may follow a
#: greeting ("REPORTER: Good morning, President. Jane Doe, from Daily Planet.").
_CREDIT = re.compile(
    r"(?m)(?:^|(?<=[.!?] ))(?:Q|QUESTION|Question|Reporter|REPORTER|Journalist|JOURNALIST)[ \t]*:[ \t]+"
    r"(?:Good[ \t]+(?:morning|afternoon|evening)\b[^.?!\n]{0,40}[.!][ \t]+)?(?:(?:This\s+is|I\s+am)\s+)?"
    r"(?:\([^()\n]{1,30}\)[ \t]*,?[ \t]*(?:from[ \t]+)?"
    r"|(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:[ \t]+[A-ZÀ-Þ][\w'’.-]+){1,3})(?:[ \t]*,[ \t]*(?:from[ \t]+)?|[ \t]+from[ \t]+))"
    r"(?P<outlet>(?:The[ \t]+)?[A-ZÀ-Þ][\w'’&-]*(?:[ \t]+(?:[A-ZÀ-Þ][\w'’&-]*|\d{1,3}|of|de|du|la|al|el)){0,5})"
    r"(?:\.|(?<=\w),(?=[ \t]+[a-z]))(?=\s|$)")  # "Q: Jane Doe, Daily Planet." / "..., Daily Planet, on another topic"


#: A questioner's label with the outlet in brackets: "Reporter (Dân Trí):", "QUESTION (NHK):", "Q (Jane Doe, NHK):".
_CREDIT_BRACKET = re.compile(r"(?m)^(?:Q|QUESTION|Question|Reporter|REPORTER|Journalist|JOURNALIST)[ \t]*"
                             r"\((?:(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:[ \t]+[A-ZÀ-Þ][\w'’.-]+){1,3})[ \t]*,[ \t]*)?"
                             r"(?P<outlet>[A-ZÀ-Þ][^()\n:,;]{0,40}?)\)[ \t]*:")


#: A question turn credited to an outlet alone: "Q: Daily Planet.", "Q: Radio X, (Inaudible)." -- an organisation.
_CREDIT_OUTLET = re.compile(
    r"(?m)(?:^|(?<=[.!?] ))(?:Q|QUESTION|Question)[ \t]*:[ \t]+"
    r"(?P<outlet>[A-ZÀ-Þ][\w'’&-]*(?:[ \t]+[A-ZÀ-Þ][\w'’&-]*){0,3})(?:\.|,[ \t]*\((?i:inaudible)\)\.?)(?=\s)")
#: One-word replies and thanks that may open a question turn alone ("Q: Thanks.", "Q: Sorry."): not outlets.
_NOT_OUTLETS = frozenset("""Thanks Thank Yes No Sorry Okay OK Sure Finally Again Right Well Indeed Exactly Please Hello Hi
Understood Correct Follow-up""".split())


#: A broadcast interview's host label ("PRESENTER:", "HOST:", "INTERVIEWER:") at a line's or sentence's start.
_HOST_LABEL = re.compile(r"(?m)(?:^|(?<=[.!?] ))(?:PRESENTER|HOST|INTERVIEWER|ANCHOR)[ \t]*:")
#: The segments of a broadcast header line: "OUTLET – Show, DATE", "Show, OUTLET, City — DATE".
_HEADER_JOINT = re.compile(r"[ \t]+[-–—][ \t]+|,[ \t]+")
#: A segment that names the outlet: up to four capitalised words or numbers ("RNZ Pacific", "Wataniya 1", "Joy FM").
_OUTLET_SEGMENT = re.compile(r"[A-ZÀ-Þ][\w'’&.-]*(?:[ \t]+(?:[A-ZÀ-Þ][\w'’&.-]*|\d{1,3})){0,3}")
#: A programme's name, never the outlet: quoted, led by "The", or ending in a programme word.
_SHOW_SEGMENT = re.compile(r"[\"“'‘].*|The[ \t].*|.*[ \t](?:Show|Hour|Programme|Program|Edition)")
_HEADER_DATE = re.compile(r"\b(?:19|20)\d\d\b")


def broadcast_outlet(text: str) -> tuple[int, int] | None:
    """The outlet named in a broadcast interview's header line ("RNZ Pacific – Pacific Waves, Wednesday 20 May 2026",
    "Super Morning Show, Joy FM, Accra — Thursday, 5 February 2026"): the first segment of three or more, before the
    date, that is not the programme; only in a text with a presenter's or host's label."""
    if _HOST_LABEL.search(text) is None:
        return None
    line_end = text.find("\n")
    line = text if line_end < 0 else text[:line_end]
    date = _HEADER_DATE.search(line)
    if date is None:
        return None
    pos, segments = 0, []
    for j in _HEADER_JOINT.finditer(line, 0, date.start()):
        segments.append((pos, j.start()))
        pos = j.end()
    if len(segments) < 2:
        return None  # a dateline ("Lusaka, 12 February 2026"), not a broadcast's header
    for a, b in segments:
        seg = line[a:b]
        if _SHOW_SEGMENT.fullmatch(seg):
            continue
        return (a, b) if _OUTLET_SEGMENT.fullmatch(seg) and seg.split()[0] not in STARTERS else None
    return None


def questioner_credits(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, label)`` of the reporter (PERSON) and outlet (ORG) credited at the start of a question turn."""
    for b in _CREDIT_BRACKET.finditer(text):
        if b.group("name") is not None and not _has_role(b.group("name").split()):
            yield b.start("name"), b.end("name"), "PERSON"  # "Q (Jane Doe, Daily Planet):"
        yield b.start("outlet"), b.end("outlet"), "ORG"
    for m in _CREDIT.finditer(text):
        name = m.group("name")
        if name is not None and _has_role(name.split()):
            continue  # "Q: Prime Minister, ..." addresses someone; it credits no one
        if name is not None:
            yield m.start("name"), m.end("name"), "PERSON"
        yield m.start("outlet"), m.end("outlet"), "ORG"
    if (outlet := broadcast_outlet(text)) is not None:
        yield outlet[0], outlet[1], "ORG"  # "RNZ Pacific – Pacific Waves, ...": the header credits the outlet
    for o in _CREDIT_OUTLET.finditer(text):
        words = o.group("outlet").split()
        if words[0] not in _NOT_OUTLETS and words[0] not in STARTERS and not _has_role(words):
            yield o.start("outlet"), o.end("outlet"), "ORG"  # "Q: Daily Planet." credits an outlet


#: The first bracket after a member's name in a parliamentary label: the seat, then any party tag after a comma
#: ("Jane Doe (Northfield):", "Bob Roe (Kent—North Downs, CPC):").
_SEAT = re.compile(r"[ \t]*\((?P<seat>[A-ZÀ-Þ][\w'’.]*(?:(?:[ \t]+|[ \t]*[—–-][ \t]*)(?:[A-ZÀ-Þ][\w'’.]*|and|upon|on|of"
                   r"|the))*)(?:,[^()\n]{1,30})?\)")


#: Words of a party's name, never of a seat's ("(Greens)", "(Democratic Party)", "(Independent)").
_PARTY_WORDS = frozenset("""Party Green Greens Labour Labor Liberal Liberals Conservative Conservatives Democrats
Democratic Socialist Socialists Independent Independents Republican Republicans Communist Communists Alliance Front
Movement Coalition Nationals""".split())


def seats(text: str, labels: list[SpeakerLabel]) -> Iterator[tuple[int, int]]:
    """Spans of the constituency or state a member's label names in brackets after the name ("Jane Doe
    (Northfield):", "Senator ROE (New South Wales):"); not party tags ("(Lab)", "(CPC)"), offices or notes."""
    for lab in labels:
        if not lab.names:
            continue
        m = _SEAT.match(text, lab.names[-1][1])
        if m is None:
            continue
        seat = m.group("seat")
        words = re.findall(r"[\w'’.]+", seat)
        # a riding named by places joined by dashes is a seat whatever words its places have ("Prince Rupert—Peace
        # Valley"); elsewhere a role word says the bracket holds an office ("(Minister of State)")
        riding = re.search(r"[A-Za-zÀ-ÿ'’.]\s*[—–]\s*[A-ZÀ-Þ]", seat) is not None
        if (len(seat) < 4 or seat.isupper() or seat.endswith(".") or len(words) > 8
                or any((_is_role(w) and not riding) or w in ("Minister", "Leader", "Secretary", "Opposition")
                       or w in _PARTY_WORDS for w in words)):
            continue
        yield m.start("seat"), m.end("seat")


def stage_directions(text: str) -> Iterator[tuple[int, int]]:
    """Spans of bracketed stage directions, brackets included."""
    for m in STAGE_DIRECTION.finditer(text):
        yield m.start(), m.end()


def _is_role(word: str) -> bool:
    """A role or honorific word of a label, also hyphenated ("Vice-President", "SECRETARY-GENERAL")."""
    w = word.upper().rstrip(".,").strip("()").rstrip(".")  # "(Dr.)" in "Sen. (Dr.) Omondi"
    return w in ROLE_WORDS or word.upper() in ROLE_WORDS or ("-" in w and all(p in ROLE_WORDS for p in w.split("-")))


def _has_role(words: list[str]) -> bool:
    return any(_is_role(w) for w in words)


def speaker_labels(text: str) -> list[SpeakerLabel]:
    """The speaker labels of ``text`` -- the one definition every reader of transcripts uses (pillars, the document's
    topic, commitment turns, entity clean-up).

    At line starts: labels with a role/honorific word, capitals or notes, or said twice or more; Hansard office
    labels naming the holder in brackets; short labels said again or named by a fuller label. Then the same labels
    said again inside a line after a sentence. Not a headline with a colon ("The African Gas Pipeline: where the
    project stands"). Callers need no guard of their own: a text without a colon or a dash is searched no further.
    """
    colon = ":" in text
    if not colon and not any(d in text for d in "–—-"):
        return []
    found = []
    for m in (_LABEL.finditer(text) if colon else ()):
        words = m.group("words").split()
        caps = [w for w in words if w.isupper()]
        named = (2 <= len(words) <= 4 and all(_MIXED_NAME.fullmatch(w) for w in words)
                 and not any(w in STARTERS for w in words))  # "Also Read:" is web clutter
        if not (_has_role(words) or m.group("notes") or len(words) == len(caps) or named):
            continue  # "Critical minerals: ..." / "Background: ..." headings are not speakers (a name said twice is)
        found.append(m)
    counts = Counter(m.group("words") for m in found)
    out: list[SpeakerLabel] = []
    for m in found:
        words = m.group("words").split()
        if not _has_role(words) and counts[m.group("words")] < 2 and not m.group("notes"):
            continue  # a one-off capitalised heading ("KEY OUTCOMES:")
        out.append(_label(text, m, m.end()))
    taken = {lab.start for lab in out}
    for m in (_OFFICE_LABEL.finditer(text) if colon else ()):
        if m.start() not in taken and _OFFICE_LABEL_HEAD.match(re.sub(r"^The\s+", "", m.group("words"))):
            out.append(_office_label(text, m))
    for m in _EP_LABEL.finditer(text):
        words = m.group("words").split()
        first = words[0].rstrip(",") if words else ""
        if first.upper() in ROLE_WORDS or ("," in m.group("words") and len(words) <= 14):
            out.append(SpeakerLabel(m.start(), m.end(), (), _roles(text, m.start(), m.end("words"))))
    if out:
        out += _short_labels(text, out)
    out = [lab for lab in out if not is_headline(text, lab.start)]  # "The African Gas Pipeline: where it stands"
    if len(out) >= 2:
        out += _said_again(text, out)
    return sorted(out, key=lambda s: s.start)


def label_head(text: str, label: SpeakerLabel) -> str:
    """The words of a label before its notes and colon ("Senator WONG (South Australia):" -> "Senator WONG")."""
    return text[label.start:label.end].split("(")[0].split("[")[0].strip(" :.–—-\t")


CHAIR, QUESTION, ANSWER = "chair", "question", "answer"


def is_chair(head: str) -> bool:
    """True for a chair's label head ("The SPEAKER", "Madam Deputy Speaker", "Chairperson X", "The President")."""
    return bool(CHAIR_LABEL.match(head))


def label_role(head: str) -> str | None:
    """The role a label's head gives its turn by itself: ``CHAIR``, ``QUESTION`` ("Q", "REPORTER (NHK)") or None
    (the speaker's other turns decide)."""
    if is_chair(head):
        return CHAIR
    if QUESTIONER_LABEL.match(head):
        return QUESTION
    return None


def _office_label(text: str, m: re.Match[str]) -> SpeakerLabel:
    """A Hansard office label: the office's words are roles, the holder in brackets a name."""
    w0 = m.start("words")
    roles = [(w0 + w.start(), w0 + w.end()) for w in re.finditer(r"\S+", m.group("words"))]
    names = _bracketed_holder(text, m.start("notes"), m.end("notes"), roles, mixed=True)
    return SpeakerLabel(m.start(), m.end(), tuple(names), tuple(roles))


def _short_labels(text: str, labels: list[SpeakerLabel]) -> list[SpeakerLabel]:
    """Line-start labels of a few words said twice or more, or naming a speaker a fuller label introduced."""
    taken = {lab.start for lab in labels}
    known = " ".join(text[lab.start:lab.end] for lab in labels)
    found = [m for m in _LABEL.finditer(text) if m.start() not in taken and not m.group("notes")
             and len(m.group("words").split()) <= _SHORT_WORDS]
    said = Counter(m.group("words") for m in found)
    return [_label(text, m, m.end()) for m in found
            if said[m.group("words")] >= 2 or (len(m.group("words").split()) >= 2 and m.group("words") in known)]


def _said_again(text: str, labels: list[SpeakerLabel]) -> list[SpeakerLabel]:
    """The labels said again inside a line after a sentence ("... next year? Senator WONG: Yes.")."""
    heads = {text[lab.start:lab.end].split("(")[0].rstrip(" :.–—-\t").strip() for lab in labels}
    heads = {h for h in heads if len(h) >= 2}
    if not heads:
        return []
    said = re.compile(r"(?<=\s)(?:" + "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
                      + r")(?:[ \t]*\([^()\n]{1,90}\))*[ \t]*:[ \t]+(?=\S)")
    at = {lab.start for lab in labels}
    out = []
    for m in said.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if m.start() not in at and m.start() > line and _BEFORE_INLINE.search(text[line:m.start()]):
            full = _LABEL_AT.match(text, m.start())
            out.append(_label(text, full, m.end()) if full is not None and full.end() == m.end()
                       else SpeakerLabel(m.start(), m.end(), (), ()))
    return out


def _roles(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    return tuple((start + w.start(), start + w.end()) for w in re.finditer(r"\S+", text[start:end])
                 if w.group().upper().strip(".,") in ROLE_WORDS)


def _label(text: str, m: re.Match[str], end: int) -> SpeakerLabel:
    """Split a label's words into the person's name (a run of capitals after the roles) and role words.

    The name may follow its roles in mixed case ("Vice-President Omid Nouripour:"), and a label that is an office
    only may name its holder in brackets ("THE MINISTER OF POWER (SHRI MANOHAR LAL):").
    """
    w0 = m.start("words")
    words = [(w0 + w.start(), w0 + w.end()) for w in re.finditer(r"\S+", m.group("words"))]
    roles, names = [], []
    run: list[tuple[int, int]] = []
    portfolio = False
    mixed_portfolio = False
    for k, (s, e) in enumerate(words):
        word = text[s:e]
        if (portfolio and word.isupper()) or (_is_role(word) and not run):
            roles.append((s, e))
        elif (not run and k + 1 < len(words) and _MIXED_NAME.fullmatch(word)
              and all(_is_role(text[a:b]) for a, b in words[k + 1:k + 2])):
            # "Federal Councillor Jane Roe", "Cabinet Secretary Doe": a word before a role word qualifies the
            # office, it does not begin a name
            roles.append((s, e))
        elif run and _is_role(word) and k + 1 < len(words):
            # "PRIME CABINET SECRETARY MUDAVADI": a role word after capitals that a name follows closes a title
            # ("CABINET SECRETARY"), not a name
            roles += run + [(s, e)]
            run = []
        elif roles and not run and word in _OFFICE_JOINS:
            roles.append((s, e))  # "MINISTER OF POWER": the portfolio is part of the office
            portfolio = True
        elif roles and not run and word in ("of", "for") and any(_ALLCAPS_NAME.fullmatch(text[a:b])
                                                                   for a, b in words[k + 1:]):
            roles.append((s, e))  # "Head of Government ZAAFRANI ZENZRI": a mixed-case office before a name in capitals
            mixed_portfolio = True
        elif mixed_portfolio and not run and _MIXED_NAME.fullmatch(word):
            roles.append((s, e))
        elif _ALLCAPS_NAME.fullmatch(word) or (run and word in ("BIN", "BINT", "AL", "BEN", "VAN", "VON", "DE")):
            run.append((s, e))
        elif (not run and any(text[a:b].upper() not in _ARTICLES for a, b in roles)
              and (2 <= len(words) - k <= 4 or (len(words) - k == 1 and m.group("notes")))
              and all(_MIXED_NAME.fullmatch(text[a:b]) and not _is_role(text[a:b])
                      and not _is_role(text[a:b].rstrip("s")) for a, b in words[k:])):
            # "Vice-President Omid Nouripour"; one surname only with a note after it, a seat or a party
            # ("Sen. Doe (Northfield):"), not "Hon. Senators:"
            names.append((s, words[-1][1]))
            break
        else:
            run = []
            break
    if run and text[run[-1][0]:run[-1][1]] not in ("BIN", "BINT", "AL", "BEN", "VAN", "VON", "DE"):
        names.append((run[0][0], run[-1][1]))
    elif (not roles and 2 <= len(words) <= 4 and all(_MIXED_NAME.fullmatch(text[s:e]) for s, e in words)
          and text[words[0][0]:words[0][1]] not in PEERAGES):  # "Lord Mehta (CB):": the peer rule tags the name
        names.append((words[0][0], words[-1][1]))  # "Jane Doe (Hume) (Lab):", "Jane Doe:" said twice
    if (not names and roles and len(roles) == len(words) and m.group("notes")
            and not QUESTIONER_LABEL.match(m.group("words"))):  # "REPORTER (NHK):" names an outlet, not a holder
        names += _bracketed_holder(text, m.start("notes"), m.end("notes"), roles)
    return SpeakerLabel(m.start(), end, tuple(names), tuple(roles))


def _bracketed_holder(text: str, start: int, end: int, roles: list[tuple[int, int]],
                      mixed: bool = False) -> list[tuple[int, int]]:
    """The holder named in brackets after an office-only label: "(SHRI MANOHAR LAL)" -> "MANOHAR LAL" (the
    honorifics go to ``roles``). Constituencies and party tags in mixed case are left alone, unless ``mixed``
    (a Hansard office label: "The Secretary of State for Defence (John Healey):")."""
    m = re.search(r"\(([^()\n]+)\)", text[start:end])
    if m is None:
        return []
    inner = [(start + m.start(1) + w.start(), start + m.start(1) + w.end()) for w in re.finditer(r"\S+", m.group(1))]
    k = 0
    while k < len(inner) and _is_role(text[inner[k][0]:inner[k][1]]):
        k += 1
    rest = inner[k:]
    if k == 0 and len(rest) < 2:
        return []  # "REPORTER (NHK):" credits an outlet, not a holder
    name = _ALLCAPS_NAME if not mixed else _HOLDER_WORD
    if not 1 <= len(rest) <= 4 or not all(name.fullmatch(text[s:e]) for s, e in rest):
        return []
    roles += inner[:k]
    return [(rest[0][0], rest[-1][1])]


def strip_furniture(text: str, start: int, end: int, label: SpeakerLabel | None) -> str:
    """The words of ``text[start:end]`` a pillar is judged on: without its speaker label and stage directions."""
    if label is not None and label.start <= start < label.end:
        start = min(end, label.end)
    body = text[start:end]
    if "(" in body:
        body = STAGE_DIRECTION.sub(" ", body)
    return body


#: Words left after the procedural phrases of a sentence that still leave it procedural ("I thank the member
#: for Hume for his question": "the member for Hume for his question").
PROCEDURAL_REST = 8


def procedural_rest(body: str) -> str | None:
    """What is left of a procedural sentence after its procedural phrases, or None when it is not one.

    Procedural phrases ("Thank you, Mr Speaker", "I thank the member for") are taken off the front one after
    another; what is left must be short, so "Mr Speaker, the treaty we signed ..." is content. The caller
    checks the rest for topic words ("Thank you for your hospitality" is about the visit).
    """
    rest, matched = body, False
    while (m := PROCEDURAL.match(rest)) is not None and m.end() > 0:
        matched, rest = True, rest[m.end():]
    if not matched:
        return None
    rest = _ADDRESS.sub(" ", rest)  # who is called or thanked is no topic ("the shadow Foreign Secretary")
    return rest if len(re.findall(r"\w+", rest)) <= PROCEDURAL_REST else None


def is_procedural(body: str) -> bool:
    """True for a procedural turn or sentence ("Thank you, Mr Speaker.", "The debate is closed.")."""
    return procedural_rest(body) is not None
