"""Grammar of the gazetteer, not data: titles and the offices they name, generic groups and their
ACLED-style names, and the word lists and patterns that settle context.  (The data -- countries, people,
organisations, places -- lives under data/gazetteer/.)"""
from __future__ import annotations

import operator
import re

# title phrase -> office.  Offices: hos head of state, hog head of government, fm foreign minister,
# dm defence minister, leader (the country's paramount leader), vp, monarch, sg head of an organisation ...
TITLES = {
    "president": "hos", "prime minister": "hog", "premier": "hog", "chancellor": "hog", "pm": "hog",
    "foreign minister": "fm", "minister of foreign affairs": "fm", "foreign affairs minister": "fm",
    "foreign secretary": "fm", "secretary of state": "fm", "external affairs minister": "fm",
    "minister of external affairs": "fm", "top diplomat": "fm", "foreign policy chief": "fm",
    "high representative": "fm", "defence minister": "dm", "defense minister": "dm", "minister of defence": "dm",
    "minister of defense": "dm", "defence secretary": "dm", "defense secretary": "dm",
    "secretary of defense": "dm", "secretary of war": "dm", "war secretary": "dm",
    "leader": "leader", "supreme leader": "leader", "chairman of state affairs": "hos",
    "president of state affairs": "hos", "chairman": "chair", "general secretary": "leader",
    "vice president": "vp", "vice-president": "vp", "king": "monarch", "queen": "monarch", "emir": "monarch",
    "crown prince": "crown_prince", "sultan": "monarch", "secretary-general": "sg", "secretary general": "sg",
    "chief": "sg", "director general": "sg", "director-general": "sg", "commission president": "sg",
    "spokesman": "spokes", "spokeswoman": "spokes", "spokesperson": "spokes", "press secretary": "spokes",
    "ambassador": "ambassador", "envoy": "envoy", "special envoy": "envoy", "governor": "governor",
    "mayor": "mayor", "diplomat": "diplomat", "minister": "minister", "deputy foreign minister": "dfm",
    "national security adviser": "nsa", "national security advisor": "nsa", "senator": "senator",
    "speaker": "speaker", "opposition leader": "opposition", "interior minister": "minister",
    "finance minister": "minister", "trade minister": "minister", "unification minister": "minister",
    "pope": "monarch", "first lady": "spouse", "sister": "sister", "attorney general": "attorney_general",
    "justice minister": "minister", "health minister": "minister", "energy minister": "minister",
    "interior secretary": "minister", "treasury secretary": "minister", "home secretary": "minister",
    "chief of staff": "chief_of_staff", "army chief": "chief_of_staff", "commander": "commander",
    "representative": "representative", "rep.": "representative", "sen.": "senator", "gov.": "governor",
    "gen.": "general", "foreign affairs spokesperson": "spokes", "counterpart": "counterpart",
    # clergy and military ranks before a name ("Grand Ayatollah Ali al-Sistani", "Patriarch Kirill", "Captain
    # Amadou Sanogo", "Wing Commander Abhinandan Varthaman")
    "patriarch": "cleric", "ayatollah": "cleric", "grand ayatollah": "cleric", "cardinal": "cleric",
    "archbishop": "cleric", "bishop": "cleric", "imam": "cleric", "rabbi": "cleric", "dalai lama": "cleric",
    "general": "general", "lieutenant general": "general", "major general": "general", "brigadier general": "general",
    "lt. gen.": "general", "maj. gen.": "general", "field marshal": "general", "marshal": "general",
    "admiral": "general", "colonel": "officer", "col.": "officer", "lieutenant colonel": "officer",
    "lt. col.": "officer", "captain": "officer", "capt.": "officer", "wing commander": "officer",
    "commodore": "officer", "brigadier": "general",
    "taoiseach": "hog", "chief justice": "judge", "judge": "judge", "chief executive": "hog",
    "dame": "honorific", "sir": "honorific", "opposition leaders": "opposition", "presidents": "hos",
    "prime ministers": "hog", "foreign ministers": "fm",
    # who someone is in politics, before a name ("opposition candidate Salvador Nasralla", "activist Jirair
    # Sefilian"): a person, even where a word of the name is a place's
    "candidate": "candidate", "presidential candidate": "candidate", "opposition candidate": "candidate",
    "opposition figure": "politician", "opposition politician": "politician", "politician": "politician",
    "lawmaker": "politician", "legislator": "politician", "activist": "activist", "dissident": "activist",
}
_TITLE_DISPLAY = {"pm": "Prime Minister", "chief": "Chief"}
# offices one person holds at a time, so a role phrase alone ("the Russian president") names them
_HELD_OFFICES = {"hos", "hog", "fm", "dm", "leader", "vp", "monarch", "crown_prince", "sg", "nsa"}

# generic groups -> (ACLED-style name pattern, category)
GROUPS = {
    "police": ("Police Forces of {c}", "government"), "police forces": ("Police Forces of {c}", "government"),
    "police officers": ("Police Forces of {c}", "government"), "federal police": ("Police Forces of {c}", "government"),
    "riot police": ("Police Forces of {c}", "government"), "gendarmes": ("Police Forces of {c}", "government"),
    "gendarmerie": ("Police Forces of {c}", "government"), "carabineros": ("Police Forces of {c}", "government"),
    "policemen": ("Police Forces of {c}", "government"),
    "security forces": ("Security Forces of {c}", "government"),
    "forces": ("Military Forces of {c}", "government"), "troops": ("Military Forces of {c}", "government"),
    "soldiers": ("Military Forces of {c}", "government"), "military": ("Military Forces of {c}", "government"),
    "army": ("Military Forces of {c}", "government"), "armed forces": ("Military Forces of {c}", "government"),
    "navy": ("Military Forces of {c}", "government"), "air force": ("Military Forces of {c}", "government"),
    "government": ("Government of {c}", "government"), "authorities": ("Government of {c}", "government"),
    "officials": ("Government of {c}", "government"), "administration": ("Government of {c}", "government"),
    "protesters": ("Protesters ({c})", "group"), "protestors": ("Protesters ({c})", "group"),
    "demonstrators": ("Protesters ({c})", "group"), "rioters": ("Rioters ({c})", "group"),
    "civilians": ("Civilians ({c})", "group"), "students": ("Students ({c})", "group"),
    "lawyers": ("Lawyers ({c})", "group"), "health workers": ("Health Workers ({c})", "group"),
    "farmers": ("Farmers ({c})", "group"), "workers": ("Labour Group ({c})", "group"),
    "vendors": ("Labour Group ({c})", "group"), "journalists": ("Journalists ({c})", "group"),
    "rebels": ("Rebels ({c})", "group"), "militants": ("Unidentified Armed Group ({c})", "group"),
    "gunmen": ("Unidentified Armed Group ({c})", "group"), "separatists": ("Separatists ({c})", "group"),
    "worshippers": ("Civilians ({c})", "group"), "villagers": ("Civilians ({c})", "group"),
    "schoolchildren": ("Civilians ({c})", "group"), "schoolgirls": ("Civilians ({c})", "group"),
    "passengers": ("Civilians ({c})", "group"), "youths": ("Protesters ({c})", "group"),
    "mourners": ("Protesters ({c})", "group"),
    "refugees": ("Refugees ({c})", "group"), "migrants": ("Migrants ({c})", "group"),
    "teachers": ("Teachers ({c})", "group"), "doctors": ("Health Workers ({c})", "group"),
    "fighters": ("Unidentified Armed Group ({c})", "group"), "militia": ("Unidentified Armed Group ({c})", "group"),
    "militias": ("Unidentified Armed Group ({c})", "group"), "militiamen": ("Unidentified Armed Group ({c})", "group"),
    "insurgents": ("Rebels ({c})", "group"), "jihadists": ("Unidentified Armed Group ({c})", "group"),
    "guerrillas": ("Rebels ({c})", "group"), "mob": ("Rioters ({c})", "group"),
    "mobs": ("Rioters ({c})", "group"), "looters": ("Rioters ({c})", "group"),
    "government forces": ("Military Forces of {c}", "government"),
    "government troops": ("Military Forces of {c}", "government"),
    "government soldiers": ("Military Forces of {c}", "government"),
    "pro-government forces": ("Military Forces of {c}", "government"),
    # many states have a Congress: the one of the text's country ("Peru's Congress", "protesters stormed the
    # Congress building in Asuncion"); with no country said, and in an American text, the US Congress
    "Congress": ("Congress of {c}", "government"),
}
# a group name that a state's own institution has ("Congress of United States" is the US Congress)
_GROUP_NAMED = {("Congress of {c}", "USA"): "US Congress"}
# the state a group word stands for when the text names none ("Congress passed the bill")
_GROUP_HOME = {"Congress of {c}": "USA"}
# a state's forces named by a unit or by their arms ("Ethiopian National Defense Force", "Russian warplanes", "a
# Russian cruise missile"): that state's military, and only with a state to qualify them
_DEFENCE_FORCES = ("defence forces", "defense forces", "defence force", "defense force", "national defence force",
                   "national defense force", "national army", "armed forces")
_ARMS = frozenset({"warplanes", "jets", "fighter jets", "bombers", "tanks", "artillery", "cruise missile",
                   "cruise missiles", "ballistic missile", "ballistic missiles"})
_ARMED = ("warplanes", "jets", "fighter jets", "bombers", "tanks", "artillery", "military police", "special forces",
          "paratroopers", "marines", "commandos", "cruise missile", "cruise missiles", "ballistic missile",
          "ballistic missiles")
GROUPS.update(dict.fromkeys(_DEFENCE_FORCES + _ARMED, ("Military Forces of {c}", "government")))
_NEEDS_QUALIFIER = {"government", "authorities", "officials", "administration", "forces", "army", "military",
                    "navy", "air force", "troops", "soldiers", "armed forces", "security forces",
                    *_DEFENCE_FORCES, *(a for a in _ARMED if a != "military police")}
# ("military police opened fire" in Phnom Penh: a state's force, of the text's country as bare "police" are)
_NEXT_CAP = re.compile(r"\s+[A-Z]")
_COMMA = re.compile(r",\s*")
_WORD = re.compile(r"\w+")
_CLAN = re.compile(r"\b([A-Z][a-z]+)(?:\s+and\s+([A-Z][a-z]+))?\s+(?:clans?|tribes?|tribesmen|sub-clans?)\b")
# an armed body the data does not know, named in capitals by what it is ("Republican Forces", "Ras Kamboni Brigade")
_ARMED_ORG = re.compile(r"\b((?:[A-Z][\w'\u2019-]*[ \t]+(?:(?:of|for|the|de|du)[ \t]+)?){1,5}"
                        r"(?:Forces|Army|Front|Movement|Brigades?|Militia|Battalions?|Guards?))\b"
                        r"(?![ \t]+(?:for|of|Day)\b|[ \t]*\()")
_ARMED_ORG_WORDS = (" Forces", " Army", " Front", " Movement", " Brigade", " Militia", " Battalion", " Guard")
# a civil body the data does not know, named in capitals by what it is ("the Bougainville Referendum Commission")
_CIVIL_ORG = re.compile(r"\b((?:[A-Z][\w'\u2019-]*[ \t]+(?:(?:of|for|the|on|and)[ \t]+)?){1,5}"
                        r"(?:Commission|Committee|Council|Tribunal|Authority|Agency|Coalition|Senate|Court))\b"
                        r"(?![ \t]+(?:for|of|on(?![ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))\b"
                        r"|[ \t]*\()")
# a body of a state named with the state after "of": "the National Security Council of Thailand", "the Supreme
# Electoral Tribunal of Honduras" (group 1: the words before "of")
_STATE_BODY = re.compile(r"\b((?:[A-Z][\w'\u2019-]*[ \t]+(?:(?:for|the|on|and)[ \t]+)?){1,5}"
                         r"(?:Commission|Committee|Council|Tribunal|Authority|Agency|Court))[ \t]+of[ \t]+(?:the[ \t]+)?")
_CIVIL_ORG_WORDS = (" Commission", " Committee", " Council", " Tribunal", " Authority", " Agency", " Coalition",
                    " Senate", " Court")
_LAW_AFTER = re.compile(r"\s+(?:Bill|Act|Law|Treaty|Agreement|Accord|Convention|Resolution)\b")
_ACRONYM = re.compile(r"\([A-Z][A-Za-z0-9&\-]{1,11}\)")
_ACRONYM_ORG = re.compile(r"((?:[A-Z][\w'’&.\-]*[ \t]+(?:(?:of|for|the|and|&|de|du|des|la|le|in|on)[ \t]+)*){1,8}"
                          r"[A-Z][\w'’&.\-]*)[ \t]*\(([A-Z][A-Za-z0-9&\-]{1,11})\)$")
_COMPANY_WORDS = {"Corp", "Corporation", "Inc", "Co", "Company", "Ltd", "Bank", "Group", "Holdings", "Mills",
                  "Motors", "Airlines", "Industries"}
_COMPANY = re.compile(r"[ \t]+(?:Corp|Corporation|Inc|Co|Company|Ltd|Bank|Bancorp|Group|Airlines|Holdings|"
                      r"International|Industries|Steel|Partners|Technologies|Technology|Savings|National|Projects|"
                      r"Capital|Energy|Motors|Foods|Mines|Airways|Securities|Trust)\b")
_SENT_START = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")
_NEXT_CAP_WORD = re.compile(r"[ \t]+(?!City\b|Province\b|Oblast\b|Region\b|District\b)[A-Z][a-z]")
_TITLE_WORDS = {"president", "minister", "chancellor", "premier", "senator", "rep.", "sen.", "gov.", "governor",
                "mayor", "general", "gen.", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "judge", "king",
                "queen", "prince", "princess", "lord", "lady", "sir", "secretary", "ambassador", "spokesman",
                "spokeswoman", "attorney", "pope", "sheikh", "emir", "chairman", "director", "professor", "coach"}
# a name nobody introduced, in a subject's place right before a verb of the news ("Adama Barrow takes the oath",
# "Jean-Bertrand Aristide resigns"): a person.  Two to four capitalised words (particles between them allowed).
_BARE_NAME_VERBS = ("says|said|tells|told|announces|announced|resigns|resigned|takes|took|becomes|became|wins|won|"
                    "meets|met|visits|visited|signs|signed|leads|led|accuses|accused|denies|denied|urges|urged|"
                    "arrives|arrived|flees|fled|returns|returned|steps|stepped|concedes|conceded|vows|vowed|warns|"
                    "warned|agrees|agreed|rejects|rejected|declares|declared|insists|insisted|is|was|has|had|will|"
                    "would|hands|handed|dissolves|dissolved|calls|called|condemns|condemned|thanks|thanked|quit|quits|"
                    "launches|launched|orders|ordered|claims|claimed|pledges|pledged|promises|promised|lands|landed|travels|"
                    "travelled|traveled|flies|flew|holds|held|speaks|spoke|phones|phoned|expels|expelled")
# (what may stand before it, a sentence start, a comma or "and", is checked apart: a look-behind at every
# offset of the text would cost more than the whole search)
# (an honorific before the name: "Mr Lucas Ferreira said")
_BARE_PERSON_BEFORE = re.compile(r"(?:^|[.;:(\u2014\u2013-]\s|,\s|\band\s|\n|\b(?:Mr|Mrs|Ms|Dr|Mme)\.?\s)$")
_BARE_PERSON = re.compile(
    r"((?!(?:Mr|Mrs|Ms|Dr|Mme)\b)(?:[A-Z][a-z\u00e0-\u00ff\u0100-\u024f'\u2019]+(?:-[A-Z][a-z\u00e0-\u00ff\u0100-\u024f]+)?)"
    r"(?:\s(?:(?:bin|bint|ibn|al|de|da|dos|van|von|der|del|la|le)\s)?[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+){1,3})"
    r"(?=\s(?:" + _BARE_NAME_VERBS + r")\b|,\s[a-z][^,.;]{2,60},\s(?:" + _BARE_NAME_VERBS + r")\b"
    # ("Huawei's chief financial officer, Meng Wanzhou, was arrested")
    r"|,\s(?:was|were|has\s+been|had\s+been|is\s+being)\s+(?:arrested|detained|freed|released|killed|abducted|"
    r"kidnapped|charged|sentenced|jailed|extradited|expelled|sworn|elected|appointed|named)\b)")
# words that end the names of bodies, places and things, or open sentences: a span with one is no person
_NOT_PERSON_WORDS = frozenset("""watch international borders group party council committee union association bank
agency office ministry forces army front movement fund institute foundation court commission news post times press
radio television airlines airways airport university college school hospital church mosque company corporation
street square avenue road bridge palace house hall center centre park stadium district province region island
islands city county state states republic kingdom emirates federation league alliance organisation organization
assembly parliament congress senate cabinet government police military navy guard brigade battalion coalition
earlier later meanwhile however instead several both many some most officials authorities residents witnesses
analysts critics voters leaders ministers lawmakers diplomats troops rebels protesters""".split())
# a title in the plural opens a list of names: "opposition leaders Morgan Tsvangirai and Arthur Mutambara"
_PLURAL_TITLE = re.compile(r"(?:opposition\s+leaders|presidents|prime\s+ministers|foreign\s+ministers)\s", re.IGNORECASE)
# people the data does not know, listed after a plural role word: "former chief ministers Omar Abdullah and Mehbooba
# Mufti", "opposition politicians Maria Kalesnikava and Maxim Znak"
_ROLE_LIST = re.compile(r"\b(?:ministers|leaders|activists|lawmakers|politicians|journalists|dissidents|legislators|"
                        r"candidates|figures|governors|mayors|commanders|generals|presidents)\s+(?=[A-Z][a-z])")
_IN_PARENS_AREA = re.compile(r"[A-Za-z)]\s\((?:[A-Z][^(),]{1,30},\s)?$")
# unlisted names in apposition, found from the comma before them (a search that starts on a literal is fast):
# after a role ("the commander of the FARC rebels, Rodrigo Londono,") a person; after what a body is ("a local
# Islamist group, National Thowheed Jamath,") that body
_ROLE_TAIL = re.compile(
    r"\b(?:commander|leader|chief|head|spokes(?:man|woman|person)|envoy|ambassador|governor|mayor|officer|secretary|"
    r"chairman|chairwoman|director|minister|president|founder|negotiator|general|adviser|advisor|editor|activist|"
    r"lawyer|candidate|deputy)(?:\s+(?:of|for)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+)?$")
_APPOS_PERSON = re.compile(
    r",\s+([A-Z][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+(?:\s(?:(?:bin|ibn|al|de|da|dos|van|von|der|del|la|le)\s)?"
    r"[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+){1,2})(?=\s*[,.;)]|\s+(?:and|who|said|says|told)\b)")
_GROUP_TAIL = re.compile(r"\b(?:group|organi[sz]ation|movement|militia|faction|outfit|network|party|alliance|coalition)$")
_APPOS_GROUP = re.compile(
    r",\s+((?:[A-Z][\w'\u2019-]+\s+){1,4}[A-Z][\w'\u2019-]+)(?=\s*[,.;)]|\s+(?:on|in|for|and|which|that)\b)")
# "The presidents of Bosnia and Herzegovina, Serbia and Croatia, Alija Izetbegovic, ...": a list of names after
# a plural role of some states (the comma before the first name is where the search starts)
_PLURAL_OF_TAIL = re.compile(r"\b(?:ministers|leaders|presidents|heads\s+of\s+state)\s+of\s+[^.;]{3,130}$",
                             re.IGNORECASE)
# a full name right after a comma, or right after a plural word: where the searches above start
_COMMA_NAME = re.compile(r",\s+[A-Z][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+\s(?:[a-z]+\s)?[A-Z]")
_PLURAL_NAME = re.compile(r"s\s+[A-Z][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+\s(?:[a-z]+\s)?[A-Z]")
_OF_THE_GAP = re.compile(r"\s+of\s+(?:the\s+)?")
_FIRST_LISTED = re.compile(r"\s([A-Z][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+(?:\s[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+){1,2})")
_LISTED_NAME = re.compile(r"(?:,\s+|,?\s+and\s+)([A-Z][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+(?:\s[A-Z\u00c0-\u00de][a-z\u00e0-\u00ff\u0100-\u024f'\u2019-]+){1,2})")
_PLACE_PREFIX = {"Greater", "Central", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                 "Old", "Downtown", "Metropolitan", "Upper", "Lower", "Inner", "Outer", "Little", "Port", "Fort",
                 "Saint", "St", "Lake", "Mount", "Mt", "Cape", "Gulf", "Bay"}
_NO_COUNTRY_NAME = {"Police Forces of {c}": "Police Forces", "Security Forces of {c}": "Security Forces",
                    "Military Forces of {c}": "Military Forces", "Government of {c}": "Government"}

_PLACE_WORDS = re.compile(r"(?:\b(?:in|at|near|outside|inside|to|from|into|towards?|toward|via|across|around|"
                          r"visit|visited|visiting|reached|entered|left|city|town|village|capital|port|"
                          r"province|district|region|state|area|downtown|central|northern|southern|eastern|"
                          r"western)\s+(?:the\s+)?)$", re.I)
_AFTER_PLACE = re.compile(r"(?:\s+(?:City|city|town|Province|province|District|district|Oblast|oblast)\b|,\s*[A-Z]|\s*\()")
_START = operator.attrgetter("start")
_AT_BUILDING = re.compile(r"\b(?:at|in|inside|outside|At|In|Inside|Outside)\s+(?:the\s+)?$")
_INDEFINITE = re.compile(r"\b(?:a|an|another|any|every|each|no|A|An|Another|Any|Every|Each|No)\s+$"
                         # ("the last Indian prime minister to set foot in Pakistan": not the one in office)
                         r"|\b(?:last|first|previous|former|late|next|future|then|[Tt]he\s+only)\s+$")
_PREFIX_WORDS = {"former", "ex", "then", "late", "acting", "outgoing", "incoming", "interim", "new", "the"}
_GAP_ADJ = re.compile(r"(?:\s+|\s*['’]s\s+)")
_GAP_PERSON = re.compile(r"(?:\s*,?\s+)")
_OF = re.compile(r"\s+(?:of|for|in)\s+")
_UP = r"[^\W\d_a-z]"   # a capital letter, accented ones too ("Ángela")
_NAME1 = re.compile(_UP + r"[\w'’.\-]*\w(?:\s+(?:(?:bin|bint|ibn|al|el|de|da|dos|das|do|van|von|der|den|del|della|"
                    r"di|du|la|le|y|ter|arap)\s+)*(?:" + _UP + r"[\w'’\-]*\w|" + _UP + r"\.|al-" + _UP + r"\w+|el-"
                    + _UP + r"\w+)){0,4}")
_NAME_STOP = {"The", "On", "In", "At", "And", "But", "For", "Monday", "Tuesday", "Wednesday", "Thursday",
              "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December", "He", "She", "It", "They", "This",
              "That", "His", "Her", "Mr", "Ms", "Mrs", "Dr", "Sir", "A", "An", "As", "After", "Before", "While",
              "When", "With", "Of", "To", "By", "From", "Said", "Says", "Also", "Has", "Had", "Was", "Is", "Who",
              "Office", "Ministry", "Council", "Department", "House", "Administration", "Government"}
_COMMON_SURNAMES = {"kim", "lee", "moon", "park", "choi", "yoon", "han", "cho", "ri", "choe", "pak", "wang", "li",
                    "zhang", "liu", "chen", "khan", "cohen", "may", "johnson", "wong", "ali", "ahmed", "smith",
                    "brown", "jones", "costa", "singh", "sharif", "katz", "bin", "lopez", "fernandez", "gonzalez",
                    "rodriguez", "martin", "abe", "hunt", "gabriel", "dion", "harper", "young", "king", "james",
                    "charles", "salman", "hamad", "zayed", "abdullah", "mohammed", "kang", "chung", "jung", "hwang",
                    "song", "lim", "nguyen", "tran", "wu", "xu", "zhou", "sun", "ma", "hu", "guo", "he", "gao",
                    "kellogg", "rice", "powell", "carter", "kerry", "bush", "clinton", "castro", "anand",
                    "lula", "francis", "joly", "major", "long", "rich", "dan", "salam", "michel", "andersson", "faye", "marin"}

# offices that the phrase "X leader" names when the data has no explicit leader row
_LEADER_FALLBACK = ("leader", "hos", "hog")


# capitalised English words that are also GeoNames towns (over 15,000 people): read as words unless
# a place word stands before them and their country is in the text
_COMMON_WORDS = set("""summit police most man split mobile reading bath deal union independence mission paradise
spring normal orange temple marks sale best goes born bar male gap moss hope liberty progress justice commerce
providence concord enterprise opportunity bell of many march may sur date lens mons spa league sunrise victory
freedom unity gloria esperanza mercedes dolores soledad caridad""".split())

_CITY_DISPLAY = {"Washington, D.C.": "Washington"}   # GeoNames name -> the name news uses
# country names that usually take "the": the article joins the mention
_THE_COUNTRIES = {"United States", "United Kingdom", "Netherlands", "Philippines", "Gambia", "Bahamas",
                  "United Arab Emirates", "Czech Republic", "Democratic Republic of the Congo", "Republic of the Congo",
                  "Russian Federation", "Republic of Korea", "Holy See", "Vatican", "Maldives", "US", "U.S.", "UK",
                  "U.K.", "UAE", "Central African Republic", "Dominican Republic", "Palestinian Territories",
                  "Occupied Palestinian Territories", "Democratic People's Republic of Korea", "DPRK",
                  "United States of America", "State of Palestine", "State of Israel"}


def _after_name_word(text: str, s: int, titles: bool) -> bool:
    """Does a capitalised word that is not a sentence start, a function word or a place word (or, with
    `titles`, a title such as "President") stand right before text[s]?  Then text[s:] continues a name."""
    j = s - 1
    if j <= 0 or text[j] != " ":
        return False
    k = j - 1
    while k >= 0 and (text[k].isalnum() or text[k] in "'’.-"):
        k -= 1
    if k >= j - 1:
        return False
    w = text[k + 1:j]
    if w[0].isupper():
        if w.lower() in _TITLE_WORDS:
            return titles
        if w[-1] == "." and not (len(w) == 2 or w.count(".") > 1):   # "Pyongyang. Kim": a sentence end
            return False
        return w not in _NAME_STOP and w not in _PLACE_PREFIX and k >= 0 and \
            not _SENT_START.search(text, max(0, k - 2), k + 1)
    return titles and len(w) > 3 and w in _TITLE_WORDS


