"""From one article to event rows: sentences + dates + actors/places -> Event.

``extract(article)`` is a pure function of the article (no I/O, no global
state beyond the compiled tables below), so it maps onto a process pool or a
dask bag unchanged. It returns one row per event *mention*; ``merge`` joins
mentions of the same event.

How a row is built, per sentence:
1. triggers: verbal and nominal words that name an event ("met", "will
   visit", "a summit with", "invasion of") -> event_type and PLOVER root;
2. roles: who acts (the subject, the possessor of a nominal trigger, the
   agent of a passive) and who is acted on (object, "with X", "of X");
   news agencies and "media" go to reported_by, never to the actors;
3. date: the time expression of the trigger's own clause, else one that
   governs the sentence, else context (a definite mention "the summit"
   takes the date of its antecedent, else the previous dated event of the
   paragraph, else the publication date) with lower confidence; a date
   inside a reporting clause ("as reported by Reuters on Monday") dates
   the report, not the event;
4. place: the trigger's own place phrase ("in Vladivostok", "at the
   Vostochny Cosmodrome"), the destination of a visit, the venue of a
   named forum; else the acting state for a domestic statement;
5. status: planned / possible / denied from modal and negation cues and
   from dates that lie after publication; occurred otherwise.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import logging
import re
from typing import NamedTuple

from . import gazetteer, geo, sentences, temporal
from .readers.text import find_dateline
from .schema import EVENT_TYPES, Event

LOGGER = logging.getLogger(__name__)

# ---------------------------------------------------------------- triggers
# (event_type, regex of trigger words). Verb forms are listed, not lemmatised:
# a compiled alternation is far faster than a tagger and the list is short.
# who gives himself up: an arrest whose subject is the one arrested
_SURRENDER = (r"(?:gave|gives|give|giving)\s+(?:himself|herself|themselves)\s+up|"
              r"(?:handed|hands|hand)\s+(?:himself|herself|themselves)\s+(?:over|in)")
_TRIGGER_TABLE: list[tuple[str, str]] = [
    ("summit", r"summits?"),
    ("phone call", r"(?:phone|telephone|video)\s+(?:call|conversation|talks?)s?|videoconference|"
                   r"(?:held|had|holds|has|hold|holding|having)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?call\s+with|(?:tele)?phon(?:ed|es|ing)(?=\s+(?-i:[A-Z])|\s+(?:his|her|their)\b)|"
                   r"(?:(?:spoke|speaks|spoken|speaking|talked|talks|talking)\s+(?:(?:with|to)\s+(?:[\w.'-]+\s+){1,5}?)?|"
                   r"(?:told|tells)\s+(?:[\w.'-]+\s+){1,5}?)"
                   r"(?:by|on\s+the|over\s+the)\s+"
                   r"(?:tele)?phone"),
    ("visit", r"(?:state\s+|official\s+|working\s+)?visit(?:s|ed|ing)?|trip|tour(?:ed)?|arriv(?:e|ed|es|ing|al)|landed|(?<!their\s)(?<!the\s)lands(?=\s+(?:in|at)\s+(?-i:[A-Z]))|flies(?=\s+(?:in)?to\s)|"
              r"travel(?:l?ed|l?ing|s)?(?!\s+(?:bans?|restrictions|advisor(?:y|ies)|warnings?))|journey|en\s+route|head(?:ed|ing|s)?\s+(?:to|for|toward)|flew"),
    ("meeting", r"met|meet(?:s|ing|ings)?|hosted|hosts|welcomed|received|greet(?:ed|s)|presents?\s+(?:his|her)\s+credentials|"
                r"presented\s+(?:his|her)\s+credentials|reunion|face-to-face|(?:shake|shakes|shook|shaking)\s+hands"),
    # "Biden spoke with Xi" (with a name, not "with reporters"): a conversation between the two
    ("talks", r"(?:spoke|speaks|talked)\s+with(?=\s+(?:(?:President|Prime|Chancellor|King|Queen)\s+)?(?-i:[A-Z])(?!\w*\s+"
              r"(?:newspaper|news|television|radio|TV|daily|magazine)\b))|talks|negotiat(?:e|ed|es|ing|ions?)|dialogue|consultations|discuss(?:ed|es|ing)?"),
    ("invitation", r"invit(?:e|ed|es|ing|ation)"),
    ("agreement", r"agree(?:d|s|ment|ments)?|"
                  r"sign(?:ed|s|ing)(?!\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:executive\s+orders?|decrees?|bills?|laws?|"
                  r"legislation)\b)|sign(?=\s+(?:a|an|the|two|three|several|new|joint|an?)\s)|treaty|accord|pact|truce|cease-?fire|brokered|"
                  r"adopt(?:ed|s|ion)|ratif(?:y|ied|ies|ication)|deal|consensus|"
                  r"(?:reach|reached|reaches|reaching|negotiated|negotiates)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?settlement|"
                  r"(?:put|puts|putting)\s+(?:their|his|her|its)\s+(?:names?|signatures?)\s+to|cessation\s+of\s+hostilities|"
                  # "endorsed a six-point peace plan", "accepted the outline": a plan taken on
                  r"initial(?:s|l?ed|l?ing)?(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:agreement|accord|deal|treaty|text|"
                  r"draft|pact)\b)|"
                  r"(?:endors|accept)(?:ed|es|e|ing)?(?=\s+(?:an?|the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plan|"
                  r"outline|proposals?|deal|terms|ceasefire|truce|roadmap|road\s+map|framework|peace\s+plan)\b)"),
    ("cooperation", r"cooperat(?:e|ed|es|ing|ion)|partnership|alliance|support(?:ing|ed|s)?|"
                    # membership: "Morocco was readmitted to the African Union", "Finland joined NATO"
                    r"(?:re)?admitt(?:ed|ing)\s+(?:as\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?member|to|into)\b|"
                    r"join(?:s|ed|ing)?(?=\s+(?:the\s+)?(?-i:[A-Z]))|accession|"
                    r"(?:expand|strengthen|deepen|boost)(?:ed|ing|s)?\s+(?:bilateral\s+)?(?:ties|relations|cooperation)|"
                    r"re-?opens?|re-?opened|restor(?:e|ed|es)\s+(?:diplomatic\s+)?(?:ties|relations)|"
                    r"recogni[sz](?:e|ed|es|ing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:state|statehood|independence|"
                    r"government|sovereignty)"),
    ("aid", r"aid|assistance|(?:provid|suppl|deliver|send|sell|transferr?)(?:e|es|ed|ing|y|ies|ied|s)?\s+"
            r"(?:\w+\s+){0,2}(?:weapons|arms|munitions|ammunition|shells|missiles)|donat(?:e|ed|es|ion)|"
            # ("will send 14 Leopard tanks to Ukraine": to a named state, not "sent tanks to the border")
            r"relief\s+(?:flights?|supplies|goods|convoys?|shipments?|planes?)|emergency\s+(?:supplies|relief)|"
            r"humanitarian\s+(?:supplies|convoys?|shipments?)|"
            r"(?:provid|suppl|deliver|send|sell|transferr?)(?:e|es|ed|ing|y|ies|ied|s)?\s+(?:[\w-]+\s+){0,4}?"
            r"(?:tanks|fighter\s+jets|jets|air\s+defen[cs]e\s+systems?|artillery|drones|howitzers|rocket\s+systems)"
            r"(?=\s+to\s+(?-i:[A-Z]))"),
    ("criticism", r"call(?:ed|s)\s+(?:it|this|that|them|the\s+[\w-]+|[A-Z][\w-]+['\u2019]s\s+[\w-]+)\s+(?:an?\s+)?"
                  r"[\"\u201c\u2018']?(?:[\w-]+\s+){0,2}(?:mistake|betrayal|illegal|unacceptable|absurd|farce|sham|"
                  r"provocation|destructive|unfair|irresponsible|disgrace|outrageous|unjustified|hostile|null|void|"
                  r"violation|crime|aggression|charade|travesty|fraud|fraudulent|pantomime|rigged|neither)|criticis(?:e|ed|es|m)|criticiz(?:e|ed|es)|condemn(?:ed|s|ation)?|denounc(?:e|ed|es)|deplor(?:e|ed|es)|"
                  r"concerns?|concerned|protested\s+to|rebuk(?:e|ed)|"
                  r"(?:lodged|lodges|lodge|filed|files|made|makes|delivered)\s+(?:an?\s+)?(?:formal\s+|strong\s+|"
                  r"diplomatic\s+|stern\s+)*protests?"),
    ("accusation", r"accus(?:e|ed|es|ing|ation|ations)|blam(?:e|ed|es)"),
    ("threat", r"threat(?:en|ened|ens|s)?|(?<!without\s)warn(?:ed|s|ing)?|ultimatum|"
               r"vow(?:ed|s)?\s+(?:\W?\w+\s+)?(?:revenge|retaliation|to\s+retaliate|to\s+avenge|to\s+respond)"),
    ("demand", r"demand(?:ed|s|ing)?|urg(?:e|ed|es)|call(?:ed|s)?\s+(?:on|for)|"
               r"order(?:s|ed)\s+(?:[\w'-]+\s+){1,4}?to\s+(?!leave\b)"),
    ("rejection", r"reject(?:ed|s|ion)?|voted\s+down|breakdown|(?:broke|breaks?|breaking)\s+down|collaps(?:e|ed)|walked\s+out|refus(?:e|ed|es)|"
                  r"dismiss(?:ed|es|ing)?(?=\s+(?:the|these|those|such|all|any|its|their)\s+(?:[\w-]+\s+)?(?:accusations?|"
                  r"allegations?|claims?|charges?|reports?|criticism|charge)\b)|"
                  r"(?:denied|denies|deny|denying)(?=\s+(?:that|any|all|responsibility|involvement|the\s+(?:allegations?|"
                  r"accusations?|claims?|reports?|charges?))\b|\s+\w+ing\b)|"
                  r"fail(?:s|ed)?\s+(?:on\s+\w+\s+)?to\s+(?:pass|approve|adopt|ratify|agree)|veto(?:ed|es)?|"
                  r"ended\s+(?:\w+\s+)?without|cut\s+short|"
                  r"suspend(?:ed|s|ing)?(?!\s+(?:all\s+|bilateral\s+|its\s+|new\s+)*(?:trade|imports|exports|investment))|"
                  r"call(?:ed|s)?\s+off|"
                  r"(?:withdr(?:aw|aws|ew|awn|awing)|withdrawal)\s+(?:(?:the|its|their)\s+(?:\w+\s+){0,2})?from\s+(?:the\s+)?"
                  r"(?:[\w-]+\s+){0,4}?(?:agreement|accord|treaty|deal|"
                  r"pact|talks|organi[sz]ation|alliance|council|bloc|union|(?-i:[A-Z]{3,}))\b"),
    ("sanction", r"sanction(?:s|ed)?|embargo|blacklist(?:ed)?|asset\s+freezes?|tariffs?|export\s+(?:controls|bans?)|"
                 r"travel\s+bans?|bann?(?:ed|ing|s)?(?=\s+(?:[\w.'-]+\s+){1,10}?from\s+entering\b)|"
                 # trade stopped with a state: "freezes all new trade and investment with Canada"
                 r"(?:suspend|freez|halt)(?:s|es|ed|e|ing)?\s+(?:all\s+|bilateral\s+|its\s+|new\s+)*"
                 r"(?:trade|imports|exports|investment)\b"),
    ("expulsion", r"expel(?:led|s)?|expulsion|persona\s+non\s+grata|"
                  r"(?:cut|cuts|cutting|sever|severed|severs|severing|broke(?:\s+off)?|breaks?(?:\s+off)?|breaking(?:\s+off)?)\s+"
                  r"(?:diplomatic\s+)?(?:ties|relations)|"
                  r"recall(?:ed|s|ing)?\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:ambassadors?|envoys?|diplomats?)|order(?:s|ed)?\s+(?:[\w'-]+\s+){1,4}?to\s+leave\b"),
    # a missile fired at nothing ("into the sea", "a test") is a show of force, not an attack
    ("weapons test", r"(?:test-?fir(?:e|es|ed|ing)|(?:fir|launch)(?:e|es|ed|ing)?)\s+(?:[\w-]+\s+){0,4}?"
                     r"(?:ballistic|cruise|hypersonic|intercontinental|short-range|long-range|medium-range)\s+"
                     r"(?:[\w-]+\s+)?missiles?(?![^.;]{0,90}\b(?:at|on(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                     r"\d|january|february|march|april|may|june|july|august|september|october|november|december))|toward|"
                     r"towards|against|hit|struck|killing)\b)"
                     r"|test(?:ed|s|ing)?\s+(?:an?\s+|its\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:bomb|missiles?|rockets?|warheads?|"
                     r"nuclear\s+device)"
                     r"|missile\s+(?:tests?|launch(?:es)?)|nuclear\s+tests?"),
    ("military action", r"invasion|invad(?:e|ed|es|ing)|attack(?:s|ed|ing)?|air\s*strikes?|drone\s+strikes?|missile\s+strikes?|"
                        r"(?:roadside|car|suicide|truck)\s+bomb(?:s|ings?|ers?)?|improvised\s+explosive\s+devices?|"
                        r"landmines?|(?<=, )killing|"
                        r"shell(?:ed|ing)|bomb(?:ed|ing|ings)|bombard(?:s|ed|ing|ment)?|clash(?:es|ed)?|fighting|offensive|assault|raid(?:s|ed)?|"
                        r"killed|kills|kill(?=\s+(?:President|Prime|the|a|an|at\s+least|\d|(?-i:[A-Z])))|"
                        r"fir(?:ed|es|e)\s+(?:[\w-]+\s+){0,6}?(?:missiles?|rockets?|shells|drones)|"
                        r"fired\s+(?:live\s+(?:rounds|ammunition)|shots|bullets|rubber\s+bullets|on|at|into)\b|"
                        r"(?:shot|shoot|shoots|shooting)\s+(?:at|into)\b|"
                        r"shoot(?:s|ing)?\s+down|shot\s+down|storms|advanc(?:ed|es|ing)\s+into|incursions?|"
                        # ("advance on the port city", "forced their way into the parliament", "threw a hand grenade
                        # into the crowd")
                        r"advanc(?:e|ed|es|ing)\s+on(?=\s+(?:the\s+)?(?:[\w-]+\s+)?(?:city|town|capital|port|village|"
                        r"base|airport|(?-i:[A-Z])))|forc(?:e|ed|es|ing)\s+(?:their|its|his|her)\s+way\s+into|"
                        r"(?:threw|throws|throw|hurled|hurls|lobbed)\s+(?:a\s+|an\s+|two\s+|several\s+)?(?:hand\s+)?"
                        r"(?:grenades?|explosive\s+devices?|petrol\s+bombs?|molotov\s+cocktails?)|"
                        r"(?:military|ground|air|large-scale|counter-?terrorism|counter-?insurgency|armed)\s+"
                        r"(?:[\w-]+\s+)?operations?|coups?(?:\s+(?:attempt|d['\u2019][e\u00e9]tat))?|putsch|"
                        r"mutin(?:y|ied|ies)|overthr(?:ew|own|ow|ows)|seiz(?:ed|es|e)\s+power|(?:took|takes)\s+power\s+in\b|"
                        # ("Shinzo Abe was shot", "gunmen shot dead a policeman", "a missile ... hit the railway station")
                        r"(?:(?<=was\s)|(?<=were\s)|(?<=been\s))shot\b|shot\s+dead|"
                        r"(?:missiles?|rockets?|shells|drones?)(?=\s+(?:[\w-]+\s+){0,6}?(?:hit|hits|struck|slammed\s+into)\s+"
                        r"(?:the|a|an|(?-i:[A-Z]))\b)|"
                        r"(?:fought|fight|fights|battled|battle)(?=\s+(?:with|against|each\s+other|off|back|pitched|"
                        r"fierce|heavy|running|gun\s+battles?|for\s+control)\b)|"
                        r"bombs?(?=\s+(?:the\s+|what\s+|(?-i:[A-Z])))|"
                        r"(?:strikes?|struck)(?=\s+(?:the\s+|what\s+|(?-i:[A-Z])|an?\s+(?!(?:[\w-]+\s+){1,2}(?:deal|agreement|"
                        r"bargain|compromise|balance|chord|note|tone|pose)\b|(?:deal|agreement|bargain|compromise|balance|"
                        r"chord|note|tone|pose)\b)))|"
                        r"launch(?:ed|es|ing)\s+(?:[\w-]+\s+){0,6}?(?:missiles?|rockets?|drones)|"
                        r"open(?:ed|s)?\s+fire|gun\s*battles?|(?:cross(?:es|ed|ing)?\s+the\s+border|(?:pour(?:s|ed)?|roll(?:s|ed)?)\s+(?:across\s+the\s+border\s+)?)\s*into(?=\s+(?:the\s+)?(?-i:[A-Z]))|gunfights?|fire-?fights?|shoot-?outs?|overr(?:an|un)|stormed|(?<!\bthe\s)(?<!\ba\s)storm(?=\s+(?:and\s+(?:[\w-]+\s+){1,3}?)?"
                        r"(?:the|a|an|(?-i:[A-Z])|government|parliament|police|state|public|buildings?|offices?|"
                        r"barracks|prisons?|embassy|compounds?|homes?|houses?)\b)|"
                        r"exchang(?:e|ed|es|ing)\s+(?:of\s+)?(?:heavy\s+|gun\s*|small-arms\s+|artillery\s+|mortar\s+)?fire|"
                        r"(?:(?<=war\s)|(?<=war\sthat\s)|(?<=war\swhich\s)|(?<=conflict\s)|(?<=conflict\sthat\s))(?:broke|breaks)\s+out|"
                        r"loot(?=\s+(?:and|shops|stores|businesses|buildings|the)\b)|"
                        r"(?:burn(?:ed|t|s)?|torch(?:es)?)\s+(?:down\s+)?(?:[\w-]+\s+){0,3}?(?:buildings?|houses|homes|cars|vehicles|"
                        r"shops|stores|businesses|offices?|stations?|churches|mosques|villages?|huts)\b|"
                        r"poison(?:ed|ing)(?=\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?-i:[A-Z]))|set\s+fire\s+to|loot(?:ed|ing)|"
                        r"br(?:oke|eak|eaks|eaking)\s+into(?!\s+(?:cheers|applause|song|songs|tears|laughter|smiles?|a\s+(?:run|smile|sweat|grin)))|"
                        r"set(?:ting|s)?\s+(?:[\w-]+\s+){1,5}?(?:on\s+fire|ablaze|alight)|"
                        r"(?:took|take|takes|taken|seiz(?:e|ed|es)|captur(?:e|ed|es)|gain(?:ed|s)?)\s+"
                        r"(?:full\s+|complete\s+|effective\s+|total\s+)?control\s+of|"
                        r"(?:retook|recaptur(?:e|ed|es))\b|"
                        r"(?:seiz(?:e|ed|es|ing)|captur(?:e|ed|es|ing))\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,6}?"
                        r"(?:city|cities|towns?|villages?|capital|districts?|provinces?|region|airport|bases?|port|"
                        r"vessels?|ships?|territory|positions?|palace|headquarters|parliament|building|compound|ministry|"
                        r"broadcaster|television|radio)\b|"
                        r"abduct(?:ed|s|ing|ion)|kidnapp?(?:ed|s|ing)|rap(?:ed|es)|sexual(?:ly)?\s+(?:assault(?:ed)?|"
                        r"violence|abused)|vandali[sz](?:ed|es)|surgical\s+strikes?|"
                        r"assassinat(?:ed|ion)|beheaded|"
                        r"projectiles|explosions?|explod(?:ed|es)|detonat(?:e|ed)|set\s+on\s+fire|torched|burnt\s+down|burned\s+down|"
                        r"(?:found|shot|stabbed|beaten)\s+(?:to\s+)?dead|murder(?:ed|s)?|lynched|ambush(?:ed)?"),
    ("military exercise", r"(?:joint|naval|military|air|army|live-fire|large-scale|annual|amphibious|missile|"
                          r"nuclear|combined)\s+(?:[\w-]+\s+)?(?:drills?|exercises?|maneuvers|manoeuvres|war\s+games)"
                          r"|war\s+games"),
    ("mobilization", r"reinforcements|massing|deploy(?:ed|s|ment)?|troops?\s+(?:build-?up|movements?)|movement\s+of\s+forces|"
                     r"(?:sent|send|sends|sending|moved|moves|moving)\s+(?:[\w,]+\s+){0,4}(?:troops|soldiers|tanks|"
                     r"forces)|face-?off|reintroduc(?:e|ed|es)\s+(?:\w+\s+){0,2}controls"),
    ("arrest", r"arrest(?:ed|s)?|detain(?:ed|s)?|seiz(?:e|ed|es|ure)|captur(?:e|ed)|revok(?:e|ed|es)|defus(?:e|ed)|"
               + _SURRENDER + r"|"
               r"clos(?:e|ed|es|ing)\s+(?:the|its|their|a|all)\b|"
               r"shut(?:s|ting)?\s+(?:down\s+)?(?:[\w-]+\s+){0,3}?(?:border|borders|crossings?|crossing\s+points|"
               r"checkpoints|airspace|embassy|consulate)\b|"
               r"(?:free[sd]?|releas(?:e|ed|es))\s+(?:\w+\s+){0,3}(?:prisoners|hostages|detainees|captives|activists|President|"
               r"Prime)"),
    ("protest", r"protest(?:s|ed|ing|ers)?|demonstrat(?:e|ed|ion|ions|ors|ing)|rall(?:y|ies|ied)|march(?:ed|es)?|"
                r"(?:general|transport|national|labou?r|workers'?|hunger|indefinite|nationwide|wildcat|"
                r"week-long|day-long|two-day|three-day|24-hour|48-hour)\s+strike|strike\s+action|sit-in|riots?|"
                r"(?:began|begin|begins|launched|launch|launches|staged|stage|stages|called|declared|started|start|starts|"
                r"held|joined|join|joins)\s+(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+)?strikes?\b|"
                r"(?:went|go|goes|going)\s+on\s+strike|took\s+to\s+the\s+streets|tear\s+gas|"
                r"fist-?fights?|brawls?|scuffles?|stun\s+grenades|water\s+cannons?"),
    # who takes or leaves office: resignations, swearing-in, impeachment, removal, dismissal
    ("leadership change", r"resign(?:s|ed|ing|ation)?|quits?(?=\s+as\b)|quit(?=\s+(?:his|her|the)\s+(?:post|office|job|"
                          r"presidency|premiership|government))|(?:step|steps|stepped|stepping|stand|stands|stood|standing)\s+down|"
                          r"sworn\s+in|(?:swears?|swore|swearing)\s+in|(?:took|takes|take|taking|assumed|assumes|assume)\s+office|"
                          r"oust(?:ed|s|ing)?(?=\s+(?:the\s+)?(?:(?-i:[A-Z])|him|her|elected|government|prime|president))|inaugurat(?:ed|ion|es)|impeach(?:ed|es|ment)?|"
                          r"(?:took|takes|take|taking)\s+the\s+(?:presidential\s+)?oath|oath\s+of\s+office|"
                          r"remov(?:e|ed|es|al)(?:\s+(?:[\w.'-]+\s+){0,4}?from\s+(?:office|power)|(?=\s+(?-i:President|Prime)))|"
                          r"dismiss(?:es|ed|al)(?=\s+(?:of\s+)?(?:[\w'-]+\s+){0,3}?(?:president|prime\s+minister|premier|"
                          r"government|cabinet|governor))|no-?confidence\s+(?:vote|motion)|vote\s+of\s+no\s+confidence"),
    # ("the elected government", "a democratically elected president": an adjective, not an election)
    ("election", r"elections?|(?<!\bthe\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!democratically\s)(?<!popularly\s)"
                 r"(?<!newly\s)(?<!freely\s)(?<!legally\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!'s\s)(?<!\u2019s\s)"
                 r"elected|re-elected|"
                 # ("lawmakers elect X as president", "parliament elects a new speaker")
                 r"(?<!-)elect(?:s|ing)?(?=\s+(?:(?:[\w.'\u2019-]+\s+){1,9}?as\s|(?:a\s+)?(?:new\s+)?(?:president|prime\s+"
                 r"minister|premier|speaker|leader|pope|chancellor)\b))|"
                 r"referendum|polls|run-?offs?|re-?runs?(?=\s+(?:of|in|on)\b|[.,;])|(?:(?<=\d\d\d\d\s)|(?<='s\s))vote\b|(?:presidential|parliamentary|general|legislative|snap|local|regional|"
                 r"municipal|mayoral)\s+(?:vote|ballot)"),
    # what a court decides: rulings, verdicts, sentences ("the tribunal rules in favour of the Philippines")
    ("court ruling", r"rul(?:ed|es)(?=\s+(?:on\s+\w+\s+)?(?:that|in\s+favou?r|against|on\b))|"
                     r"ruling(?=\s+(?:that|in\s+favou?r|against)\b)|verdicts?|"
                     r"sentenc(?:ed|es)(?=\s+(?:[\w.'\u2019-]+\s+){1,8}?to\b)|convicted|acquitted|"
                     r"(?:struck|strikes)\s+down|upheld\s+(?:the|a|an)\b|"
                     # ("the Supreme Court ordered the release of ...": what a court orders it rules)
                     r"(?<=court\s)order(?:ed|s)\b|annul(?:led|s)|nullifi(?:ed|es)|"
                     r"(?:threw|throws)\s+out(?=\s+(?:the|a|an|his|her|its|their)\s+(?:[\w.-]+\s+){0,4}?(?:results?|ruling|"
                     r"verdict|case|charges?|conviction|election|vote|runoff|appeal|lawsuit)\b)|"
                     r"overturn(?:ed|s)(?=\s+(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:ruling|verdict|decision|"
                     r"conviction|sentence|result|results|election|ban|law|acquittal)\b)"),
    ("forum", r"forum|conference|general\s+assembly|plenary|attend(?:s|ed|ing)?|participat(?:e|ed|es|ing)"),
    ("statement", r"said|says|stated|stating|announc(?:e|ed|es|ement)|confirm(?:ed|s|ing)?|declar(?:e|ed|es|ation)|"
                  r"proclaim(?:s|ed|ing)?|claim(?:s|ed|ing)?\s+responsibility|"
                  r"claim(?:s|ed|ing)?(?=\s+(?:the|this|that|both)\s+(?:[\w-]+\s+)?(?:attacks?|bombings?|assaults?|killings?|"
                  r"strikes?|blasts?|raids?|abductions?|kidnappings?|ambush)\b)|apologi[sz](?:e|ed|es)|"
                  r"admit(?:s|ted)(?=\s+(?:on\s+\w+\s+)?(?:that|to\s+\w+ing)\b)|"
                  r"acknowledg(?:e|ed|es)(?=\s+(?:on\s+\w+\s+)?that\b)|"
                  r"conced(?:e|ed|es)(?=\s+(?:that|defeat)\b)|congratulat(?:e|ed|es)|"
                  r"pledg(?:e|ed|es)|vow(?:ed|s)?|insist(?:ed|s)|(?:told|tells|tell)\s+reporters"),
]
EVENT_TYPES.setdefault("arrest", "COERCE")

# Trigger families: mentions of one event may be named by neighbouring words.
FAMILY = {
    "summit": "meet", "meeting": "meet", "talks": "meet", "phone call": "call", "visit": "travel",
    "forum": "travel", "invitation": "invite", "statement": "say", "agreement": "agree",
    "cooperation": "cooperate", "aid": "aid", "criticism": "accuse", "accusation": "accuse",
    "threat": "threaten", "demand": "demand", "rejection": "reject", "sanction": "sanction",
    "expulsion": "expel", "military action": "fight", "mobilization": "mobilize", "military exercise": "mobilize", "weapons test": "mobilize", "arrest": "coerce",
    "protest": "protest", "election": "elect", "leadership change": "govern", "court ruling": "judge",
}
# Which type wins when one clause holds several triggers of one family.
_SPECIFICITY = {"summit": 3, "phone call": 3, "forum": 2, "talks": 2, "meeting": 1, "visit": 1}
# Types that need more than a bare word to count on their own (weak: too common in prose).
_WEAK = {"statement", "cooperation", "talks", "arrest", "election", "forum", "mobilization", "demand"}

# one pattern per row; where several could match, the first row wins, as in one alternation of them all
_TRIGGER_PATTERNS = [(etype, re.compile(f"\\b(?:{pattern})\\b", re.IGNORECASE)) for etype, pattern in _TRIGGER_TABLE]


def _first_words(pattern: str) -> set[str]:
    """Every first word a trigger pattern can start with, lower-cased ("visit(?:s|ed)?" -> visit, visits,
    visited). A text is scanned word by word against this set, and the full pattern is tried only where a
    word is in it: a dictionary look-up per word instead of a many-branch regex at every character."""
    import re._constants as C
    import re._parser as P

    def seq(items):
        outs = [("", False)]
        for op, av in items:
            outs = [(s, True) if done else (s + t, e) for s, done in outs
                    for t, e in ([("", True)] if done else one(op, av))]
        return outs

    def one(op, av):
        if op is C.LITERAL:
            return [("", True)] if chr(av).isspace() else [(chr(av), False)]
        if op is C.SUBPATTERN:
            return seq(av[3])
        if op is C.BRANCH:
            return [x for alt in av[1] for x in seq(alt)]
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            if hi == C.MAXREPEAT:  # \s+ ends the word; nothing else unbounded may start one
                if all(t == "" and e for t, e in seq(sub)):
                    # (\s* may also be no space at all: "air\s*strikes" is "airstrikes" too)
                    return [("", True)] + ([("", False)] if lo == 0 else [])
                raise ValueError(f"cannot expand an unbounded repeat in {pattern!r}")
            out = []
            for n in range(lo, hi + 1):
                outs = [("", False)]
                for _ in range(n):
                    outs = [(s, True) if done else (s + t, e) for s, done in outs for t, e in seq(sub)]
                out += outs
            return out
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero width: a boundary or a look-around
            return [("", False)]
        if op is C.IN:
            chars = []
            for o, a in av:
                if o is C.CATEGORY and a is C.CATEGORY_SPACE:
                    return [("", True)]
                if o is C.LITERAL:
                    chars.append(chr(a))
                elif o is C.RANGE:
                    chars += [chr(c) for c in range(a[0], a[1] + 1)]
                else:
                    raise ValueError(f"cannot expand a character class in {pattern!r}")
            return [(c, False) for c in chars]
        if op is C.CATEGORY and av is C.CATEGORY_SPACE:
            return [("", True)]
        raise ValueError(f"cannot expand {op} in {pattern!r}")

    return {word.lower() for word, _ in seq(list(P.parse(pattern)))}


_FIRST_WORDS = [_first_words(pattern) for _, pattern in _TRIGGER_TABLE]
# the rows worth trying where a word starts: those whose first word is that word, or a part of it up to a
# hyphen, or begins with it ("workers'"); the others cannot match there
_ROWS_FOR: dict[str, list[tuple[str, re.Pattern]]] = {
    head: [row for row, words in zip(_TRIGGER_PATTERNS, _FIRST_WORDS)
           if any(word.startswith(head) or head.startswith(word) for word in words)]
    for head in frozenset().union(*_FIRST_WORDS)
}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _find_triggers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, event_type) of every trigger in the text, in order."""
    out = []
    end = 0
    for word in _WORD.finditer(text):
        if word.start() < end:
            continue  # inside the trigger just found ("lodged a protest" is one criticism, not a street protest)
        for etype, pattern in _ROWS_FOR.get(word.group().lower(), ()):
            m = pattern.match(text, word.start())
            if m:
                out.append((m.start(), m.end(), etype))
                end = m.end()
                break
    return out

# Words that look like triggers but are not events in context.
_NOT_EVENT_AFTER = re.compile(r"^\s*(?:of\s+(?:the\s+)?(?:art|mind|interest)|agency|media|news|relief|regime|evasion|busting|"
                              r"leaders?|organi[sz]ers?)\b",
                              re.IGNORECASE)
_NOT_EVENT_BEFORE = re.compile(
    r"(?:\b(?:news|media|state|wire)\s*$|\bcontacted\s+by\s*$|\bby\s+train\s*$|\bin\s+support\s+of\s*$|"
    r"\b(?:storm|hurricane|typhoon|cyclone|earthquake|quake|tornado|lightning|floods?|disaster|tsunami|virus|"
    r"pandemic|crisis|tragedy)\s+(?:\w+\s+)?$)",
    re.IGNORECASE)
# "welcomed the surrender", "received the report": approval or receipt of a thing, not a meeting with someone
_THING_AFTER = re.compile(
    r"\s+(?:the|a|an|this|that|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:decision|move|surrender|agreement|deal|"
    r"announcement|news|step|resolution|release|ceasefire|cease-fire|truce|plan|proposal|initiative|outcome|results?|"
    r"vote|report|statement|efforts?|progress|election|talks|declaration|letter|message|request|offer|support|"
    r"judge?ment|verdict|ruling|award|victory|win|appointment|nomination)\b",
    re.IGNORECASE)
# "met Putin on his arrival in Moscow": the arrival is when the meeting happened, not an event of its own
_CIRCUMSTANCE = re.compile(r"\b(?:on|upon|after)\s+(?:his|her|their|its|the|\w+['\u2019]s)\s+$", re.IGNORECASE)

# ------------------------------------------------------------------ cues
_PLANNED = re.compile(
    r"\b(?:will|shall|'ll|is\s+to|are\s+to|going\s+to|plans?\s+(?:to|for)|planned|planning\s+(?:to|for)|expected\s+to|expects?\s+to|"
    r"poised\s+to|set\s+to|scheduled|due\s+to|intends?\s+to|prepar(?:e|es|ing)\s+to|upcoming|forthcoming|"
    r"hop(?:e|es|ed|ing)\s+to|wants?\s+to|wanted\s+to|aims?\s+to|aimed\s+to|"
    r"invit(?:ed|ation|es)\s+(?:\w+\s+){0,3}to|(?:agreed|pledged|promised|vowed|pledges|promises|vows)\s+to|ahead\s+of|expected|to\s+be\s+held|would(?!\s+have)|next)\b",
    re.IGNORECASE,
)
_POSSIBLE = re.compile(
    r"\b(?:could|may|might|potentially|possibl[ey]|possibility|perhaps|reportedly\s+considering|considering|"
    r"likely|rumou?r(?:ed|s)?|speculat\w*|suggest(?:s|ed)?|if)\b",
    re.IGNORECASE,
)
_DENIED = re.compile(
    r"\b(?:did\s+not|didn't|does\s+not|doesn't|has\s+not|hasn't|have\s+not|haven't|never|denied|deny|denies|"
    r"ruled\s+out|no\s+longer|no\s+(?:legal\s+)?(?:obligation|intention|plans?|right|need)\s+to|not|without(?!\s+(?:warning|delay|notice|charges?|trial|permission|a\s+warrant)\b)|"
    r"rather\s+than|instead\s+of)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# every match of _POSSIBLE, of _DENIED holds one of these words: a sentence with none of them is not searched
_POSSIBLE_WORDS = ("could", "may", "might", "potentially", "possib", "perhaps", "considering", "likely", "rumo",
                   "speculat", "suggest", "if")
_DENIED_WORDS = ("not", "n't", "never", "denied", "deny", "denies", "ruled", "longer", "without", "rather", "instead",
                 "no ")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_REPORTING = re.compile(
    r"^\s*(?:as\s+(?:reported|announced|said|stated)\b|according\s+to\b|citing\b|reported\b|reports?\b|"
    r"[^,;]{0,80}?\b(?:said|says|told|reported|reports|noted|added)\s*(?:on\s+\w+|\w+day|in\s+a\s+statement|[.;]|$))",
    re.IGNORECASE,
)
_REPORTING_WORDS = ("report", "announced", "said", "stated", "according", "citing", "says", "told", "noted",
                    "added")  # one of them is in every match of _REPORTING
_PREP_PLACE = re.compile(r"\b(?:in|at|near|outside|inside|on|to|into|toward|towards|from|across|through|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
# alternatives and ranges widen one date ("Tuesday, or more likely, Wednesday"); "in 2000 and 2007" are two dates
_OR_BETWEEN = re.compile(r"^[\s,]*(?:or|to|-|–|through|until)[\s,]+(?:\w+[\s,]+){0,3}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:\u2014]|\s(?=that\s)|,\s+(?:which|who|while|(?:during|in|at|by)\s+which|when|where|as|"
                           r"but|although|after|before)\b"
                           r"|,\s*[\"\u201c]|[\"\u201c\u201d]")

# Generic actors that real reports name without a proper noun (ACLED style).
_GROUP_NOUNS = (
    r"police(?:\s+(?:forces|officers|officials))?|(?:security|armed|military|government|federal|coalition|rebel|"
    r"opposition|pro-[\w-]+)\s+forces|forces|troops|soldiers|army|militants|rebels|insurgents|militia(?:s|men)?|"
    r"protesters|demonstrators|students|rioters|workers|health\s+workers|lawyers|teachers|farmers|vendors|traders|"
    r"civilians|residents|villagers|activists|journalists|coup\s+leaders|gang|gunmen|"
    r"military(?=[.,;]|\s+(?:has|have|had|said|says|took|seized|arrested|detained|ousted|announced|declared|deployed|"
    r"launched|is|was|were|will|would|after|on|in)\b)|"
    r"(?:presidential|republican|national)\s+guard|(?i:opposition)\s+(?:groups|parties|supporters|activists|politicians|leaders|figures|lawmakers)(?!\s+[A-Z])|"
    r"government|authorities"
)
# every noun above contains one of these words: a sentence with none of them names no group (a substring test
# is far cheaper than the search)
_GROUP_WORDS = ("police", "forces", "troops", "soldiers", "army", "militants", "rebels", "insurgents", "militia",
                "protesters", "demonstrators", "students", "rioters", "workers", "lawyers", "teachers", "farmers",
                "vendors", "traders", "civilians", "residents", "villagers", "activists", "journalists", "coup", "gang",
                "gunmen", "military", "guard", "opposition", "government", "authorities")

_NEEDS_MODIFIER = frozenset({"forces", "troops", "soldiers", "army"})
_BARE_ARMY = frozenset({"troops", "soldiers", "army", "military", "presidential guard", "republican guard",
                        "national guard", "armed forces"})
# what may stand before a bare "soldiers" that are the local army: nothing, an article, a number ("peacekeeping
# troops", "foreign soldiers" are someone else's)
_PLAIN_BEFORE = re.compile(r"(?:^|[,.;:(]\s*|\b(?:the|some|several|many|dozens\s+of|hundreds\s+of|\d+|two|three|four|"
                           r"five|six|ten)\s+)$", re.IGNORECASE)
_GROUP_RE = re.compile(
    r"\b(?:(?P<mod>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+)?(?P<noun>" + _GROUP_NOUNS + r")\b"
    r"(?!\s+(?:sources?|media|spokes\w+|reports?|statements?|officials?\s+said|buildings?|facilit\w+))")
_FIRST_WORD = re.compile(r"[A-Z][a-z]+\b")
_GROUP_SKIP_MOD = frozenset({"The", "A", "An", "On", "In", "At", "By", "Some", "Many", "Two", "Three", "Several",
                             "Both", "All", "His", "Her", "Their", "Its", "Our", "This", "That", "Local", "Unnamed"})

_ACTOR_CATEGORIES = frozenset({"person", "state", "government", "organisation", "group", None})


def _stable_id(*parts) -> str:
    return hashlib.sha1("\x1f".join([str(p) for p in parts]).encode("utf-8")).hexdigest()[:16]


class _Actor:
    __slots__ = ("start", "end", "name", "country", "category", "is_place_like", "mention", "ci", "rep", "owner")

    def __init__(self, start, end, name, country, category, mention=None):
        self.start, self.end, self.name, self.country, self.category = start, end, name, country, category
        self.mention = mention
        self.is_place_like = False
        self.owner = False  # a possessor of the next actor: "Ethiopia's" in "Ethiopia's Liyu police"
        self.ci, self.rep = 0, False  # clause index, inside a reporting phrase: set by the sentence


def _group_actors(text: str, lo: int, hi: int, taken: list[tuple[int, int]], states: dict[str, str],
                  words=_GROUP_WORDS, home: str | None = None, story: str | None = None) -> list[_Actor]:
    """Generic actors ("Saudi forces", "protesters", "police") in text[lo:hi] not covered by a mention.
    ``words``: those of _GROUP_WORDS that may occur in the text (the article's, when it is known).
    ``home``: the state the sentence happens in, when no state acts in it: bare "soldiers" are its army.
    ``story``: the state of the last place the text named: "the government" and "opposition groups" are its."""
    found = []
    head = _FIRST_WORD.match(text, lo)
    if head is not None and head.group().lower() in ("authorities", "government"):
        # "Authorities had cut phone lines": a sentence's first word, in capitals, is the group word still
        text = text[:lo] + text[lo].lower() + text[lo + 1:]
        words = words + (head.group().lower(),)
    if not any(word in text for word in words):
        return found
    for m in _GROUP_RE.finditer(text, lo, hi):
        a, b = m.span()
        if any(s < b and a < e for s, e in taken):
            # a demonym mention ("Saudi") right before the noun is fine: keep the noun phrase
            a = m.start("noun")
            if any(s < b and a < e for s, e in taken):
                continue
        mod = m.group("mod")
        noun = m.group("noun")
        if mod and mod.endswith(("'s", "\u2019s")) and states.get(mod[:-2]):
            mod = mod[:-2]  # "Egypt's army": the army of Egypt
        if mod and noun.lower().startswith("opposition") and states.get(mod):
            name, country = f"Opposition Groups ({geo.country_name(states[mod])})", states[mod]
        elif mod and mod.lower() == "security" and noun.lower() == "forces" and home:
            # "Security forces fired live ammunition": those of the state the story is in
            name, country = f"Security Forces of {geo.country_name(home)}", home
        elif mod and mod not in _GROUP_SKIP_MOD:
            name = f"{mod} {noun}"
            country = states.get(mod)
            if country and noun.lower() in _BARE_ARMY | _NEEDS_MODIFIER | {"armed forces"}:
                name = f"Military Forces of {geo.country_name(country)}"  # ("Thai army chief": the Thai army)
        elif noun.lower() in _BARE_ARMY and home and _PLAIN_BEFORE.search(text, max(0, a - 20), m.start("noun")):
            # "soldiers clashed with rebels near Gao, Mali": with no state acting, the army of the place
            name, country = f"Military Forces of {geo.country_name(home)}", home
            a = m.start("noun")
        elif noun.lower() in ("government", "authorities"):
            where = home or story
            if not (where and (text.endswith(("the ", "The "), 0, m.start("noun")) or m.start("noun") == lo)):
                continue  # (a government named by a state is the gazetteer's: "the Syrian government")
            # "the government denied using chemical weapons": the government of where the story is
            name, country = f"Government of {geo.country_name(where)}", where
            a = m.start("noun")
        elif noun.lower().startswith("opposition"):
            where = home or story
            name = f"Opposition Groups ({geo.country_name(where)})" if where else "Opposition Groups"
            country, a = where, m.start("noun")
        elif noun.lower() in _NEEDS_MODIFIER:
            continue  # "troops" alone says nothing of whose
        else:
            name, country = noun, None
            a = m.start("noun")
        found.append(_Actor(a, b, name[0].upper() + name[1:], country, "group"))
    return found


def _unidentified(country: str | None) -> str:
    """ACLED's name for armed perpetrators nobody named, in the state where they struck."""
    where = geo.country_name(country) if country else None
    kind = "Unidentified Gang" if country in _GANG_COUNTRIES else "Unidentified Armed Group"
    return f"{kind} ({where})" if where else kind


_CROWD_NAMES = ("Protesters (", "Rioters (", "Civilians (")


def _placed_crowd(name: str, here: str) -> str:
    """ "Protesters (Myanmar)" at a place in Bangladesh -> "Protesters (Bangladesh)"."""
    return name[:name.index("(") + 1] + here + ")" if name.startswith(_CROWD_NAMES) else name


def _rioters(name: str) -> str:
    return "Rioters" + name[len("Protesters"):] if name.startswith("Protesters") else name


def _names(event) -> list[str]:
    return [n for n in (event.actors or "").split("; ") if n]


def _may_contain(text: str, words) -> bool:
    """Whether ``text`` holds one of ``words`` (lower case, ASCII) in any case: a cheap test before a
    case-insensitive search that needs one of them. Text beyond ASCII always passes (case folding maps a
    few other letters onto ASCII ones: the Kelvin sign onto k)."""
    if not text.isascii():
        return True
    return _holds(text.lower(), words)


def _holds(lowered: str, words) -> bool:
    """Whether the lower-cased text holds one of ``words`` (a loop: cheaper than any() over a generator)."""
    for word in words:
        if word in lowered:
            return True
    return False


def _spans_json(spans: dict[str, list[int]]) -> str:
    """``json.dumps(spans, sort_keys=True)`` for field -> [start, end], written out directly."""
    return "{" + ", ".join([f'"{field}": [{a}, {b}]' for field, (a, b) in sorted(spans.items())]) + "}"


def _loc_of(m) -> tuple:
    """(name, country, lat, lon, precision) of a place mention: a venue is the place itself (Vostochny
    Cosmodrome); a recurring event stands for its city."""
    return (m.location if m.category == "event" and m.location else m.name, m.country, m.lat, m.lon, m.precision)


def _has_span(event, field: str) -> bool:
    """Whether the event's spans name that field (the keys are field names, the values numbers)."""
    return f'"{field}"' in event.spans


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """Clause spans inside a sentence, cut at semicolons, dashes, quotes and subordinating commas."""
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        cuts.append(m.start())
    cuts.append(len(sentence))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        if b > a:
            spans.append((a, b))
    return spans or [(0, len(sentence))]


def _segments(sentence: str) -> list[tuple[int, int]]:
    """Comma-separated segments, for telling reporting phrases apart."""
    spans, start = [], 0
    for m in _COMMA_SPACE.finditer(sentence):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(sentence)))
    return spans


def _inside(spans, pos: int) -> bool:
    """Whether one of the spans [a, b) holds ``pos`` (a loop: cheaper than any() over a generator)."""
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


def _gap(x0, x1, y0, y1) -> int:
    """Characters between the spans [x0, x1) and [y0, y1); 0 if they touch or overlap."""
    return y0 - x1 if y0 >= x1 else (x0 - y1 if x0 >= y1 else 0)


def _index(spans, n: int) -> list[int]:
    """For each offset of a text of length n, the index of the first span that holds it, else of the last
    span (a separator between spans, a bullet's label): one look-up per question instead of a scan."""
    at = [len(spans) - 1] * n
    for i in reversed(range(len(spans))):
        a, b = spans[i]
        at[a:b] = [i] * (b - a)
    return at


class _Context:
    """What the article has established so far: anchor, last dated event, antecedents by family."""

    def __init__(self, anchor, text: str):
        self.anchor = anchor
        # the words the searches for unnamed actors need that the article holds at all: its sentences are
        # tested for these only (most articles name no governor, organiser or unidentified gunman)
        self.group_words = tuple(word for word in _GROUP_WORDS if word in text)
        self.official_words = tuple(word for word in _OFFICIAL_WORDS if word in text)
        self.organiser_words = tuple(word for word in _ORGANISER_WORDS if word in text)
        self.unknown_armed = _may_contain(text, _UNKNOWN_WORDS)
        self.by_family: dict[str, list[Event]] = {}
        # events told only as part of another (a statement's content), by id; the events are kept too, since a
        # later event could otherwise take the id of one that was freed and pass for it
        self.folded: dict[int, Event] = {}
        self.last_dated: Event | None = None
        self.durations: list[temporal.Timex] = []  # the article's durations, set by extract()
        self.dateline = None  # the place the report was filed from, if it says
        self.dateline_end = 0  # where the dateline ends in the text
        self.report_date = anchor  # the day the report speaks of: its dateline's date, else the anchor
        self.people: list[tuple[str, str | None]] = []  # persons named so far, latest last
        self.named: dict[tuple[str, str | None], int] = {}  # how many times each was named
        self.organisation: str | None = None
        self.states: list[tuple[str, str | None]] = []
        self.place_country: str | None = None  # the country of the last place named: where the story goes on
        self.city_country: str | None = None  # the country of the last town named
        self.last_city = None  # the last town named (its mention): what "the city" is

    def antecedent(self, family: str) -> Event | None:
        """What "the summit" refers to: the latest summit of the story being reported (dated near
        publication), else the latest one named at all (a background mention such as "in 2000")."""
        told = self.by_family.get(family, [])
        if not told:
            return None
        if self.anchor is not None:
            near = dt.timedelta(days=31)
            for event in reversed(told):
                if event.date_start is not None and event.date_start - near <= self.anchor <= event.date_end + near:
                    return event
        return told[-1]

    def remember(self, actors):
        for x in actors:
            if x.category == "organisation":
                self.organisation = x.name  # the last body named: "the bloc", "the alliance's summit"
            pool = self.people if x.category == "person" else self.states if x.category == "state" else None
            if pool is not None:
                if (x.name, x.country) in pool:
                    pool.remove((x.name, x.country))
                pool.append((x.name, x.country))
                self.named[(x.name, x.country)] = self.named.get((x.name, x.country), 0) + 1

    def pair(self, pool):
        """The two of the pool the story is about ("the two leaders"): the most often named, the later named first
        among equals (a father named once in passing is not one of them); in the order they were last named."""
        ranked = sorted(range(len(pool)), key=lambda i: (self.named.get(pool[i], 0), i))[-2:]
        return [pool[i] for i in sorted(ranked)]


def _interval(timexes):
    starts = [t.date_start for t in timexes if t.date_start]
    ends = [t.date_end or t.date_start for t in timexes if t.date_start]
    if not starts:
        return None, None
    return min(starts), max(ends)


def _precision_of(start: dt.date, end: dt.date, declared: str | None) -> str:
    """The declared precision of a single time expression, else one read off the interval's width."""
    if start == end:
        return "day"
    if declared and declared != "day":
        return declared
    days = (end - start).days + 1
    for limit, name in ((3, "day"), (7, "week"), (31, "month"), (92, "quarter"), (366, "year"), (3653, "decade")):
        if days <= limit:
            return name
    return "century"


_COLON_DATELINE = re.compile(r"\s*([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})\s*:\s")


_STOPWORDS = frozenset("""the of and to in a is that for on with as was by at from it his her its their said has
have had will be are were an this which who not but after over about than they he she we also been""".split())
_LATIN_WORD = re.compile(r"[A-Za-z]+")


_SURELY_ENGLISH = frozenset("the of and with was were has have said their from that".split())


def is_english(text: str, sample_words: int = 400) -> bool:
    """Whether a text reads as English: enough of its words are common English function words. Short texts
    (under 12 words) and texts in other scripts with English names in them are judged by the words there are."""
    total = len(text[:6000].split())
    if total < 12:
        return True
    common = 0
    for word in itertools.islice(_LATIN_WORD.finditer(text[:6000]), sample_words):
        lower = word.group().lower()
        if lower in _STOPWORDS:
            common += 1
            if common >= 0.08 * total:  # (the count only grows: English prose gets here in a few dozen words)
                return True
            if total < 25 and lower in _SURELY_ENGLISH:
                return True  # a one-line summary dense with names: "Trump wins the election, defeating Harris"
    return False


def _dateline_place(text: str, anchor, gaz, line):
    """The place of a dateline ("BRUSSELS (AP) -", "NEW DELHI, September 9."), as a gazetteer mention."""
    if line is not None and line.place:
        place = line.place.split("/")[0].title()  # ("BAGHDAD/DUBAI": filed from both; the first is named first)
    else:  # "New Delhi: Prime Minister ..." (a place and a colon opening the text)
        lead = _COLON_DATELINE.match(text)
        if lead is None:
            return None
        place = lead.group(1)
    # (read as "in <place>": a town needs a word that says it is a place)
    places = [m for m in gaz.find("in " + place, published=anchor)
              if (m.kind == "place" or m.category == "state") and m.end - m.start >= len(place.strip()) - 1 - 4 * (
                  place.startswith("The "))]
    return places[0] if places else None


_NAME_PERIOD = re.compile(r"\(\s*\d{4}\s*[-–]\s*(?:\d{4}\s*)?\)")


def _drop_name_periods(text: str, timexes: list, mentions: list) -> list:
    """ "Military Forces of Myanmar (2016-2021)", "Government of Guatemala (2016-2020)": years in brackets right
    after an actor's name tell which government or force it was (the way conflict data names them), not when
    anything happened."""
    ends = {m.end for m in mentions if m.kind == "actor"}
    if not ends or "(" not in text:
        return timexes
    drop = set()
    for m in _NAME_PERIOD.finditer(text):
        at = m.start()
        if at in ends or (text[at - 1] == " " and at - 1 in ends):
            drop.add((at, m.end()))
    if not drop:
        return timexes
    return [t for t in timexes if not any(s <= t.start and t.end <= e for s, e in drop)]


_BARE_UNITS = frozenset(("years", "months", "weeks", "days", "decades", "centuries", "hours", "minutes", "seconds"))


def extract(article, gaz=None) -> list[Event]:
    """Event mentions of one article, in text order. Pure: same article, same rows.

    ``gaz`` is a gazetteer (``timeline.gazetteer.load(custom_csv=...)``) to use instead of the default one."""
    text = article.text or ""
    if not text.strip():
        LOGGER.warning("discarding article: %s (no text)", article.id)
        return []
    if not is_english(text):
        LOGGER.warning("discarding article: %s (not English: the extractor reads English news)", article.id)
        return []
    anchor = article.published or temporal.infer_anchor(text)
    tagged = temporal.join_ranges(temporal.tag(text, anchor=anchor), text)
    timexes = [t for t in tagged if t.type in ("DATE", "TIME")]
    gaz = gaz if gaz is not None else gazetteer
    mentions = gaz.find(text, published=anchor)
    timexes = _drop_name_periods(text, timexes, mentions)
    states = {m.text: m.country for m in mentions if m.category == "state" and m.country}
    ctx = _Context(anchor, text)
    # ("two months after the summit"; a bare "weeks after ..." measures nothing the adjunct rules can use,
    # and on the development sets it split off events those rules then lost)
    ctx.durations = [t for t in tagged if t.type == "DURATION" and t.text.lower() not in _BARE_UNITS]
    line = find_dateline(text[:300])
    ctx.dateline = _dateline_place(text, anchor, gaz, line)
    ctx.dateline_end = line.end if line is not None else 0
    if line is not None and line.date and anchor is not None:
        # "MOSCOW, March 20 (Xinhua):" in a paper of March 21: the report speaks of March 20
        filed = next((t for t in timexes if t.start < line.end and t.precision == "day" and t.date_start), None)
        if filed is not None and 0 <= (anchor - filed.date_start).days <= 3:
            ctx.report_date = filed.date_start
    rows: list[Event] = []
    triggers = _find_triggers(text)
    ti = mi = gi = 0
    last_end = 0
    for sent in sentences.split(text):
        if "\n" in text[last_end:sent.start]:
            ctx.last_dated = None  # a new paragraph: narrative dates do not carry over
        last_end = sent.end
        if sent.kind == "furniture":
            continue
        while ti < len(timexes) and timexes[ti].end <= sent.start:
            ti += 1
        while mi < len(mentions) and mentions[mi].end <= sent.start:
            mi += 1
        while gi < len(triggers) and triggers[gi][0] < sent.start:
            gi += 1
        s_triggers = []
        while gi < len(triggers) and triggers[gi][0] < sent.end:
            s_triggers.append(triggers[gi])
            gi += 1
        s_mentions = []  # (the mentions are sorted by start)
        for j in range(mi, len(mentions)):
            m = mentions[j]
            if m.start >= sent.end:
                break
            if m.start >= sent.start:
                s_mentions.append(m)
        if not s_triggers:  # nothing happens here: only remember who was named
            ctx.remember([m for m in s_mentions if m.kind == "actor"])
            continue
        s_timexes = []  # (sorted by start too)
        for j in range(ti, len(timexes)):
            t = timexes[j]
            if t.start >= sent.end:
                break
            if t.start >= sent.start:
                s_timexes.append(t)
        reading = _Sentence(article, sent, s_timexes, s_mentions, states, ctx)
        rows.extend(reading.events(s_triggers))
        ctx.remember(reading.actors)
    return _credit_claims(_fold_protest_demands(rows))


def _credit_claims(rows: list[Event]) -> list[Event]:
    """ "Two bombings struck crowds in Kampala. Al Shabaab claimed responsibility": who claims an attack whose
    maker the text did not name made it (the claim stays a statement of its own)."""
    for i, e in enumerate(rows):
        if e.event_type == "accusation" and e.actor2 and e.trigger.lower().startswith("blame") \
                and not _has_span(e, "date"):
            # "A missile hit the railway station. Ukrainian authorities blamed Russian forces": who is blamed for an
            # attack nobody was named for is who made it, as conflict data codes it (the blame stays an accusation)
            attack = rows[i - 1] if i else None
            if attack is not None and attack.event_type == "military action" and attack.actor1 is None \
                    and attack.sentence_start != e.sentence_start:
                attack.actor1, attack.actor1_country = e.actor2, e.actor2_country
                attack.actors = "; ".join([e.actor2] + [n for n in _names(attack) if n != e.actor2])
            continue
        if e.event_type != "statement" or not e.actor1 or not e.trigger.lower().startswith("claim"):
            continue
        attack = next((r for r in reversed(rows[:i]) if r.event_type == "military action"), None)
        if attack is not None and (attack.actor1 is None or attack.actor1.startswith("Unidentified")):
            others = [n for n in _names(attack) if not n.startswith("Unidentified") and n != e.actor1]
            attack.actor1, attack.actor1_country = e.actor1, e.actor1_country
            attack.actors = "; ".join([e.actor1] + others)
            e.actors = "; ".join(n for n in _names(e) if not n.startswith("Unidentified")) or None
            if e.actor2 and e.actor2.startswith("Unidentified"):
                e.actor2 = e.actor2_country = None
    return rows


_PROTESTERS = re.compile(r"^(?:protesters|demonstrators|rioters|marchers|strikers|supporters)\b", re.IGNORECASE)
_FORCE_ON_CROWD_I = re.compile(r"tear\s+gas|water\s+cannon|stun\s+grenades|rubber\s+bullets|pellets|batons", re.IGNORECASE)
_ENFORCERS = re.compile(r"(?:Police|Security|Military)\s+Forces\b")


def _fold_protest_demands(rows: list[Event]) -> list[Event]:
    """ "A protest went on for nine days ... The protesters demanded ...": what protesters demand or say is
    what their protest is about, not an event of its own; it joins the protest told before it."""
    out: list[Event] = []
    protest = None
    for e in rows:
        if protest is not None and e.event_type in ("demand", "statement", "criticism", "rejection", "accusation") \
                and e.actor1 and _PROTESTERS.match(e.actor1) and not _has_span(e, "date"):
            extra = [n for n in _names(e) if n not in _names(protest)]
            if extra:
                protest.actors = "; ".join(_names(protest) + extra)
            continue
        elif protest is not None and (e.event_type == "protest" or (
                # ("... looted shops in Durban. Police fired rubber bullets.": force used on the riot just told)
                e.event_type == "military action" and _FORCE_ON_CROWD_I.search(e.trigger)
                and _ENFORCERS.match(e.actor1 or ""))) and not _has_span(e, "date") \
                and not _has_span(e, "location") \
                and e.date_start == protest.date_start and not e.trigger.lower().endswith("ed"):
            # "Security forces were in place to ensure a peaceful demonstration": a noun with no date or place of
            # its own names the protest just told ("Students protested too" would be a protest of its own)
            # (but force used on it is by those who used it: "Security forces used water cannon and tear gas")
            force = _FORCE_ON_CROWD_I.search(e.trigger) is not None
            extra = [n for n in _names(e) if n not in _names(protest)
                     and ((_PROTESTERS.match(n) and not any(_PROTESTERS.match(p) for p in _names(protest)))
                          or (force and _ENFORCERS.match(n)))]
            if extra:
                protest.actors = "; ".join(_names(protest) + extra)
            continue
        if e.event_type == "protest" or (e.event_type == "military action" and (e.actor1 or "").startswith("Rioters")):
            protest = e  # (a riot too: "... set part of the building alight. Police responded with tear gas")
        out.append(e)
    return out


# an actor right after one of these is not the subject of the clause
_PREP_BEFORE = re.compile(
    r"\b(?:of|in|to|with|from|for|at|on|by|near|against|toward|towards|about|over|into|between|among|and|"
    r"visit(?:s|ed|ing)?|met|meet(?:s|ing)?)\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)
_OF_AFTER = re.compile(r"^\s*(?:of|on|against|with|to|into|for)\s+(?:the\s+)?$", re.IGNORECASE)
_PAST_NARRATIVE = re.compile(r"\b(?:was|were|had|did)\b|\b(?!(?:has|have)\s)\w+ed\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|un|ne)\b|\b(?:is|are|am)\b", re.IGNORECASE)
_RELATIVE = re.compile(r",\s+(?:which|who|while|during\s+which|when|where|as|after|before)\b", re.IGNORECASE)
_PLANNED_AFTER = re.compile(
    r"\s*(?:is|are|was|were|would\s+be|will\s+be)\s+(?:\w+\s+)?(?:expected|scheduled|planned|set|due|likely|"
    r"slated|to\s+(?:be|take|go|begin|start))\b|\s*(?:will|would|is\s+to|are\s+to)\b", re.IGNORECASE)
_DATELINE_TYPES = frozenset({"court ruling", "statement", "criticism", "accusation", "threat", "demand", "rejection", "sanction",
                             "agreement", "meeting", "talks", "summit", "invitation", "cooperation", "aid"})
_FRONTED = re.compile(r"\s*(?:in|at|near|on|around|outside|from|inside|across)\b|\s*[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s*(?:\(|$|,)",
                      re.IGNORECASE)
_MAX_ACTORS = 3
_MAX_LISTED = 10  # more parties only where a list of them goes on
_LIST_GAP = re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?")
_AND_THEN = re.compile(r"\band\s+(?:then\s+)?(?:\w+ly\s+)?(?:reach|reached|sign|signed|agree|agreed|adopt|adopted)\b",
                       re.IGNORECASE)
# An adjunct of time that names another event, told apart from the event it hangs on: "(the third summit,)
# following meetings in Pyongyang in 2000 and 2007", "(came) two months after his summit with Trump ended in
# February". Its dates and places are that other event's, and it is a (background) event of its own.
_APART = re.compile(r"\b(?:following|after|before|since|ahead\s+of|prior\s+to|follows|followed|precedes|preceded|"
                    r"in\s+(?:retaliation|revenge|response)\s+(?:for|to))"
                    r"\s+(?:[\w.'\u2019-]+\s+){0,8}$")
_APART_WORDS = ("follow", "after", "before", "since", "ahead", "prior", "preced", "retaliation", "revenge", "response")  # one is in every match of _APART
# an ordinal or a count before the event the adjunct hangs on ("the third summit", "Kim's first with Putin")
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
                      r"latest|previous|last)\b")
# a verb of the adjunct's own ("after his summit with Trump ended", "following talks held in Geneva")
_OWN_VERB = re.compile(r"\b(?:[a-z]{3,}ed|broke|fell|took\s+place|began|ran|went|died|fled|led|"
                       # (a summary's present: "after Moscow fails to explain ... on 4 March")
                       r"fails|refuses|declines|agrees|admits|announces|rejects|says)\b")
# "without a deal": an event named as missing is the complement of another; it takes no date from it
_WITHOUT = re.compile(r"\bwithout\s+(?:an?\s+|any\s+)?$")
# a noun event as the subject of a verb event ("his summit with Trump ended in February"): one time
_SUBJECT_GAP = re.compile(r"\s+(?:(?:with|between|among|of|in|at)\s+(?:[\w.'\u2019-]+\s+){0,5})?")
_VERB_FORM = re.compile(r"[a-z]+ed\b|(?:broke|fell|collapsed|began)\b")
_APART_I, _ORDINAL_I, _OWN_VERB_I, _WITHOUT_I, _SUBJECT_GAP_I, _VERB_FORM_I = (
    re.compile(p.pattern, re.IGNORECASE) for p in (_APART, _ORDINAL, _OWN_VERB, _WITHOUT, _SUBJECT_GAP, _VERB_FORM))
# "sanctions on Russia", "tariffs on China": the state a measure is on is its target, not a place
_MEASURE_ON = re.compile(r"\b(?:sanctions?|tariffs?|embargo(?:es)?|restrictions|bans?|duties|levies|penalties)\s+"
                         r"(?:on|against)\s+$", re.IGNORECASE)
# "visits China", "toured Ukraine": the state visited is where the visit is
_VISITS_BEFORE = re.compile(r"\b(?:visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)\s+$", re.IGNORECASE)
# a meeting or a trip named after where it is held ("the Singapore summit", "a Moscow visit")
_HOST_NOUN_AFTER = re.compile(r"\s(?:summit|meeting|talks|conference|forum|visit|trip|dialogue|negotiations)\b",
                              re.IGNORECASE)


def _city_state(iso3: str | None) -> bool:
    """Whether the state is named as its capital is (Singapore, Monaco): its name is also a city's."""
    home = geo.countries().get(iso3 or "")
    return bool(home) and home.get("capital") == home["name"]


_OF_EVENT_I = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}", re.IGNORECASE)
_BREAKDOWN_I = re.compile(r"collaps|breakdown|broke\s+down|fell\s+apart|ended\s+(?:\w+\s+)?without", re.IGNORECASE)
# "will travel to San Francisco next week for talks": the talks are what the trip is for, at its time
_FOR_PURPOSE_I = re.compile(r"\bfor\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_AND_THEN_VERB = re.compile(r",?\s+and\s+(?:then\s+|also\s+|later\s+)?[a-z]+ed\b")
# "denied on Saturday that it had supplied missiles": what is denied did not happen, as far as the speaker says
_DENIED_THAT_I = re.compile(r"\b(?:denied|denies|deny|denying)\s+(?:on\s+\w+\s+)?(?:reports\s+|claims\s+)?that\s+"
                            r"(?:[\w'\u2019]+\s+){0,4}$", re.IGNORECASE)
_LATER_I = re.compile(r"\b(?:later|subsequently|afterwards|since\s+then)\s+(?:\w+\s+)?$", re.IGNORECASE)
_DEMANDED_THAT_I = re.compile(r"\b(?:demand(?:ing|s|ed)?|insist(?:ing|s|ed)?|call(?:ing|s|ed)?\s+for|urg(?:ing|es|ed))\s+"
                              r"(?:that\s+[^.;:,]{0,70}|[^.;:,]{0,50}\bto\s+(?:\w+\s+)?)$", re.IGNORECASE)
_DEMANDED_I = re.compile(r"\b(?:demand(?:ing|s|ed)?|call(?:ing|s|ed)?\s+for|urg(?:ing|es|ed)|seek(?:ing|s)?|sought|"
                         r"push(?:ing|es|ed)?\s+for)\s+(?:an?\s+|the\s+|their\s+|its\s+|new\s+)?(?:[\w-]+\s+){0,2}$",
                         re.IGNORECASE)
# the second of things demanded ("to demand the withdrawal of the bill and the resignation of Carrie Lam")
_DEMANDED_LIST_I = re.compile(r"\b(?:demand(?:ing|s|ed)?|call(?:ing|s|ed)?\s+for|urg(?:ing|es|ed))\s+[^.;:]{0,80}?\s+"
                              r"(?:and|or)\s+(?:an?\s+|the\s+|their\s+|its\s+|his\s+|her\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# the families of an incident told over several sentences ("gunmen attacked ... The police arrested the man."): one
# event, and so is a comment on what was just told ("The government welcomed the surrender"); but a diplomatic
# event told after another ("They met ... Beijing accused Washington ...") is one of its own
_INCIDENT_FAMILIES = frozenset({"fight", "protest", "coerce"})
_GENERIC_PARTIES = ("Unidentified Armed Group", "Unidentified Gang", "Rebels", "Rioters", "Protesters")
# between a date and the noun it dates: "the October 2017 independence referendum", "the disputed 2019 election"
_DATED_NOUN_GAP = re.compile(r"\s+(?:(?!(?:following|after|before|since|until|in|on|at|of|for|to|and|or|by|with|from|"
                             r"during|amid|over|as|when|the|a|an|its|their|his|her)\b)[a-z][\w-]*\s+){0,2}")
_SHOWN = frozenset({"military exercise", "weapons test", "summit", "talks", "meeting", "phone call", "visit",
                    "expulsion", "sanction", "leadership change"})
_LASTING_I = re.compile(r"\s+(?:state\s+|official\s+|working\s+|private\s+)?(?:visit|trip|tour|summit|talks|meeting|"
                        r"conference|forum|session)\b", re.IGNORECASE)
_ENDING_I = re.compile(r"\b(?:left|leaves|leaving|ended|ends|concluded|concludes|wrapped\s+up|wraps\s+up|departed)\b",
                       re.IGNORECASE)
_RESOLUTION_I = re.compile(r"adopt(?:s|ed|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?resolutions?\b", re.IGNORECASE)
_WHICH_BEFORE = re.compile(r",\s+which\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_BACKERS_BEFORE = re.compile(r"\b(?:supporters|followers|loyalists|backers|partisans)\s+of\s+(?:the\s+)?(?:(?:former|ousted|"
                             r"jailed|late|exiled)\s+)?(?:[a-z]+\s+){0,2}$")
# a crowd as the subject of a past verb: "protesters gathered", "demonstrators opposing the bill forced"
_CROWD_ACTS = re.compile(r"\s+(?:\([^)]{0,40}\)\s+)?(?:(?:[\w,'-]+\s+){0,8}?)(?:[a-z]{3,}ed|took|set|broke|went|came|threw|"
                         r"burnt|held|stormed|marched|rallied|gathered|blocked|clashed|"
                         # (the present of a summary: "Thousands of protesters block access to the airport")
                         r"(?:block|occupy|occupie|storm|march|marche|rallie|gather|clash|clashe|surround|throw|burn|"
                         r"besiege|barricade|take\s+to\s+the\s+streets)s?|"
                         r"to\s+(?:gather|march|rally|assemble|take\s+to\s+the\s+streets|block|occupy))\b")
# how many: "thousands of protesters", "tens of thousands of demonstrators", "a crowd of"
_CROWD_SIZE = re.compile(r"\b(?:hundreds|thousands|dozens|scores|millions|tens\s+of\s+thousands|hundreds\s+of\s+thousands|"
                         r"crowds?|groups?|a\s+number)\s+of\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# weekday and month names: "on Friday" is a day, not a topic
_DAY_NAMES = ("monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
              "august|september|october|november|december")
# a word that opens what was talked about, with no clause break before the name: "talks on", "about the war in"
_TOPIC_BETWEEN_I = re.compile(rf"[^,;:.()\u2014]*?\b(?:on(?!\s+(?:{_DAY_NAMES}|the\s+"
                              r"(?:sidelines|eve|margins|phone|telephone)|\d)\b)|about|over(?!\s+the\s+(?:phone|"
                              r"telephone|weekend))|regarding|concerning|discuss(?:ed|es|ing)?|issues?|topics?|agenda)\b"
                              r"[^,;:.()\u2014]*", re.IGNORECASE)
_REL_BEFORE_PLACE_I = re.compile(r"\bwhich\b", re.IGNORECASE)
_PERFECT_BEFORE_I = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_CONSEQUENCE_I = re.compile(r",\s+(?:prompting|sparking|triggering|causing|provoking|drawing|leading\s+to)\b",
                            re.IGNORECASE)
_ANNIVERSARY_BEFORE = re.compile(r"\banniversar(?:y|ies)\s+of\s+(?:the\s+)?(?:[\w.'\u2019-]+\s+){0,3}$", re.IGNORECASE)
_QUOTED_LABEL = re.compile(r"\b(?:called|calls|dubbed|termed|named|labelled|labeled|described\s+as)\s+(?:an?\s+|the\s+|it\s+"
                           r"(?:an?\s+)?)?[\"\u201c\u2018'](?:[\w-]+\s+)?$", re.IGNORECASE)
_SANCTIONS_UNDONE_BEFORE = re.compile(
    r"\b(?:(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing))(?:\s+of)?|breach(?:es|ed|ing)?|violat(?:e|es|ed|ing|ions?\s+of)|evad(?:e|es|ed|ing)|"
    r"evasion\s+of|circumvent(?:s|ed|ing)?|relief\s+from|removal\s+of|end\s+to|despite|under)\s+"
    r"(?:(?:the|existing|international|western|UN|U\.N\.|US|U\.S\.|EU|[\w-]+-imposed|its|their)\s+)*$",
    re.IGNORECASE)
_SANCTIONS_UNDONE_AFTER = re.compile(r"\s+(?:(?:to\s+be|be|were|was|are|is|had\s+been|have\s+been)\s+(?:\w+\s+)?)?"
                                     r"(?:lifted|eased|removed|relaxed|suspended|dropped)\b", re.IGNORECASE)
_HELD_BEFORE_I = re.compile(
    r"\b(?<!to\s)(?:hold|holds|held|holding|conduct(?:s|ed|ing)?|open(?:s|ed)?|beg[ia]n|begins|start(?:s|ed)?|"
    r"resum(?:e|es|ed))\s+"
    r"(?:(?:their|the|a|an|his|her|its|two|three|several|new|first|second|third|fresh|further|formal|informal|"
    r"bilateral|direct|face-to-face|high-level|separate|private|closed-door|lengthy|long|extensive|[\w-]+-day|"
    r"[\w-]+-hour|round\s+of|rounds\s+of|peace|trade|security|border|nuclear|ceasefire)\s+){0,6}$", re.IGNORECASE)
_ATTEND_I = re.compile(r"attend|participat|join", re.IGNORECASE)
_SPOKE_AT_I = re.compile(r"\b(?:(?:spoke|speaking|speaks|speak|remarks|speech|address)\s+(?:(?:on\s+\w+|today|yesterday)\s+)?"
                         r"(?:at|to)|address(?:ed|es|ing)?|took\s+part\s+in|taking\s+part\s+in|told)"
                         r"\s+(?:(?:a|the)\s+)?(?:[\w-]+\s+){0,3}?(?:(?:session|meeting|opening|audience)\s+(?:of|at)\s+)?"
                         r"(?:the\s+)?$", re.IGNORECASE)
_SEIZE_I = re.compile(r"seiz|captur|overr", re.IGNORECASE)
_PLACE_OBJECT = re.compile(r"\s+(?:the\s+)?(?:(?:city|town|village|capital|district|province|region|airport|port)\s+of\s+)?")
_COVERING_I = re.compile(r"\b(?:(?:covering|reporting\s+on|monitoring|watching|filming)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?|"
                         r"after\s+(?:days|weeks|months|years)\s+of\s+(?:[\w-]+\s+)?)$", re.IGNORECASE)
_ABOUT_I = re.compile(r"\b(?:about|regarding|concerning)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_PAST_ACT_I = re.compile(r"\b(?:blocked|gathered|marched|rallied|took|staged|held|burned|burnt|chanted|stormed|"
                         r"occupied|walked)\b", re.IGNORECASE)
_OBJECT_GAP = re.compile(r"\s+(?:the|this|that|these|those|its|their|his|her)\s+(?:[\w'\u2019-]+\s+){0,2}")
# a speech act named by a noun ("dismissed the accusation"): what is spoken of, when a verb of speech takes it
_SPOKEN_NOUN_I = re.compile(r"accusations?|threats?|demands?|criticism|concerns?|condemnation|ultimatum|declaration|"
                            r"announcement|statement", re.IGNORECASE)
_SPEECH_VERB_I = re.compile(r"(?:claim|denounc|condemn|criticis|criticiz|welcom|reject|dismiss|deni|deny|praised|hailed|slammed|blasted|"
                            r"decried|deplor|suspend|call(?:ed|s)?\s+off|cancel|postpon|halt)", re.IGNORECASE)
_CALLED_ON_TO_I = re.compile(r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing)|ask(?:ed|s|ing))\s+[^.;:]{0,50}?\bto\s+"
                             r"(?:[\w-]+\s+){0,5}$", re.IGNORECASE)
_AT_A_RALLY_I = re.compile(r"\bat\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PARTICIPLE_I = re.compile(r",\s+(?:[a-z]+ly\s+)?(?!including\b|according\b|excluding\b)[a-z]{3,}ing\b")
_ARMED_BEFORE_I = re.compile(r"\b(?:fighters|troops|forces|soldiers|rebels|militants|mercenaries|army|militia)"
                             r"(?:['\u2019]s?|['\u2019])?\s+$", re.IGNORECASE)
# "met Putin in Sochi on Monday in an effort to revive the grain deal": the date closes the verb before the purpose
_PURPOSE_I = re.compile(r"\b(?:in\s+(?:an\s+effort|a\s+bid|order)\s+to|aimed\s+at|seeking\s+to|hoping\s+to)\b",
                        re.IGNORECASE)
# "the Black Sea resort of Sochi", "the port city of Odesa": the place named after "of" is where
_PLACE_OF_I = re.compile(r"\b(?:resort|city|town|village|port|capital|enclave|district)\s+of\s+$", re.IGNORECASE)
_LISTED_I = re.compile(r"\band\s+(?:the|a|an|their|his|her|its)\s+(?:[\w'\u2019-]+\s+){0,3}$", re.IGNORECASE)
_ARMED_NOUN_BEFORE_I = re.compile(r"\b(?:troops|forces|soldiers|tanks|army|armies|fighters|rebels|militants|units|"
                                  r"columns?|convoys?)\b[^.;,]{0,25}$", re.IGNORECASE)
_AT_VESSEL_I = re.compile(r"[^.;]{0,30}?\b(?:at|on|against|toward|towards)\s+(?:an?\s+|the\s+|two\s+|several\s+)?"
                          r"(?:[\w-]+\s+){0,2}(?:vessels?|ships?|boats?|trawlers?|supply\s+ships?)\b", re.IGNORECASE)
_MODAL_IN_NAME_I = re.compile(r"\b(?:may|will|might|could|would|not|never|if|next|set)\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
# the preposition before a possessive date that names a thing, not when the event was ("a repeat of last year's ...")
_THING_OF_I = re.compile(r"\b(?:of|over|about|against|from|to|like)\s+$", re.IGNORECASE)
_NOUN_AFTER_DATE_I = re.compile(r"\s+(?!(?:and|or|to|in|on|at|of|for|by|with|from|when|as|after|before|that|which|who|"
                                r"was|were|is|are|had|has|have|will|would)\b)[a-z][\w-]*\b")
_OBJECT_PRONOUN_I = re.compile(r"[\w\s-]*?\b(?:with|to|met|meets|meet|called|calls|phoned|telephoned|received|hosted)\s+"
                               r"(?:him|her)\b", re.IGNORECASE)
_RESUMED_I = re.compile(r",\s+(?!(?:and|or|but|which|who|whom|whose|when|where|while|in|on|at|of|for|to|from|with|by|"
                        r"after|before|during|the|a|an|its|his|her|their|including|according)\b)(?-i:[a-z]+)\b",
                        re.IGNORECASE)
# "blamed X on Monday for the", "accused Y of the": who is blamed for the event word that follows
_BLAMED_FOR_I = re.compile(r"\b(?:blam(?:ed|es|e|ing)|accus(?:ed|es|e|ing))\b(?P<who>[^.;:]{1,120}?)\b(?:for|of)\s+"
                           r"(?:the\s+|a\s+|an\s+|last\s+\w+['\u2019]s\s+)?(?:[\w'\u2019-]+\s+){0,4}$", re.IGNORECASE)
_ENDED_BEFORE_I = re.compile(r"\b(?:ending|end(?:s|ed)?|halting|halt(?:s|ed)?|stopping|(?:an?\s+)?(?:end|halt|stop)\s+to)"
                             r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w,-]+\s+){0,4}?(?:of\s+)?$", re.IGNORECASE)
_THAT_VERB_GAP_I = re.compile(r"\s+(?:that|which)\s+(?:\w+ly\s+)?", re.IGNORECASE)
_COMMA_I = re.compile(r",")
_AND_NEW_SUBJECT_I = re.compile(r",\s+(?:and|but|while)\s+(?:(?:hours|days|minutes|weeks)\s+later\s+|later\s+|then\s+)?"
                                r"(?:he|she|they|we)\s+(?:\w+ly\s+)?\w+ed\b", re.IGNORECASE)
_THAT_AT_I = re.compile(r"\s*that\s", re.IGNORECASE)
_PRONOUN_LEAD_I = re.compile(r"\s*(?:,\s*)?(?:that\s+)?(it|he|she|they)\b", re.IGNORECASE)
_PRONOUN_SUBJECT_I = re.compile(r"\b(it|he|she|they)\s+(?:had\s+|has\s+|have\s+|would\s+|will\s+|was\s+|were\s+|"
                                r"had\s+been\s+|is\s+|are\s+)?(?:\w+ly\s+|just\s+|also\s+|already\s+|now\s+)?$",
                                re.IGNORECASE)
# a clause opened by a pronoun subject: ", as he held talks with Xi"
_CLAUSE_PRONOUN_I = re.compile(r"[,;]?\s*(?:(?:as|when|while|after|before|and|but|because|since|where|although|though)"
                               r"\s+)?(he|she)\b", re.IGNORECASE)
_THEIR_I = re.compile(r"\btheir\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_HIS_I = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PERIOD = re.compile(r"P(\d{1,4})([DWMY])")
_APART_WORD = re.compile(r"following|after|before|since|ahead\s+of|prior\s+to|follows|followed|precedes|preceded|"
                         r"in\s+(?:retaliation|revenge|response)\s+(?:for|to)",
                         re.IGNORECASE)
# "since 2000, when he met Kim Jong Il": a clause opened by "when" right after a date is at that date
_WHEN_AFTER_DATE = re.compile(r"\)?,\s+(?:(?:when|where)\s+[^,;:.()]*|which\s+(?:[\w'-]+\s+){0,2})$", re.IGNORECASE)
# "the summit in Singapore last June, where the two sides signed ...": a clause opened by "where" is in that place
_WHERE_CLAUSE = re.compile(r",\s+(?:where\s+[^,;:.()]*|which\s+(?:[\w'-]+\s+){0,2})$", re.IGNORECASE)


def _moved(start: dt.date, end: dt.date, n: int, unit: str) -> tuple[dt.date, dt.date]:
    """The interval [start, end] moved by n days, weeks, months or years ("two months after February 2019"
    is April 2019: a whole month stays a whole month)."""
    if unit in "DW":
        step = dt.timedelta(days=n * (7 if unit == "W" else 1))
        return start + step, end + step
    months = n * (12 if unit == "Y" else 1)

    def move(d: dt.date, to_end: bool) -> dt.date:
        y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
        last = (dt.date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
        month_end = (d + dt.timedelta(days=1)).day == 1
        return dt.date(y, m + 1, last if to_end and month_end else min(d.day, last))

    return move(start, False), move(end, True)
_ADJUNCT = re.compile(r"\b(?:during|amid|on\s+the\s+sidelines\s+of)\s+(?:[\w'\u2019-]+\s+){0,5}$", re.IGNORECASE)
_ADJUNCT_WORDS = ("during", "amid", "sidelines")  # one is in every match of _ADJUNCT
_TOPICAL = frozenset({"sanction", "aid", "military action", "agreement", "cooperation", "election", "leadership change"})
_TOPIC = re.compile(r"\b(?:on|over|about|regarding|concerning|violat(?:e|es|ed|ing)|evad(?:e|es|ed|ing)|breach(?:es|ed|ing)?|"
                    r"circumvent(?:s|ed|ing)?|despite)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                    # ("Russia and Ukraine on Friday signed": a day, not a topic)
                    rf"(?!(?i:{_DAY_NAMES}|today|tonight|yesterday)\b)"
                    r"(?:[A-Za-z-]+\s+)?$")
_FRAMED = frozenset({"sanction", "aid", "military action", "mobilization", "expulsion"})
_SPEECH_ACTS = frozenset({"statement", "criticism", "accusation", "threat", "demand", "rejection", "invitation"})
_SAID_CONTENT_I = re.compile(r"\s+(?:on\s+\w+\s+)?(?:that\s+|it\s+|he\s+|she\s+|they\s+|we\s+)", re.IGNORECASE)
_SAID_AT = re.compile(r"\b(?:in|at|from|during)\s+(?:the\s+)?$", re.IGNORECASE)
_GEO_RANK = {"city": 0, "region": 1, "country": 2, None: 3}
_NOMINAL_AGENT_OF = frozenset({"invitation"})


_SPEAKS = re.compile(
    r"\s+(?:has|have|had|said|says|warned|warns|accused|accuses|announced|announces|urged|urges|demanded|condemned|"
    r"denied|rejected|insisted|responded|replied|will|would|is|was|and\s+\w+\s+(?:have|had|said)|"
    r"cut|severed|recalled|expelled|summoned|imposed|signed|agreed|suspended|restored|retaliated|threatened|"
    r"vowed|refused|blamed|critici[sz]ed|welcomed|protested|sent|launched|closed|lodged|lodges|filed|condemned|called|"
    r"calls|rejected|dismissed|summoned|expelled|fails|failed|refuses|agrees|insists|denies|rejects|accuses|"
    r"says|announces|warns|vows|plans|wants|hopes|seeks|sought)\b",
    re.IGNORECASE)


_WITH_BEFORE = re.compile(r"\b(?:with|against)\s+$", re.IGNORECASE)


_CAPITALS: dict[str, object] = {}


def _capital_mention(iso3: str | None):
    """The gazetteer's mention of a state's capital city ("the Belarusian capital" is Minsk), or None."""
    if not iso3:
        return None
    if iso3 not in _CAPITALS:
        home = geo.countries().get(iso3)
        found = [m for m in gazetteer.find(home["capital"]) if m.country == iso3 and m.precision == "city"] \
            if home and home.get("capital") else []
        _CAPITALS[iso3] = found[0] if found else None
    return _CAPITALS[iso3]


def _is_capital(m) -> bool:
    """Whether the place mention is its state's capital city."""
    if m.precision != "city" or not m.country:
        return False
    home = geo.countries().get(m.country)
    return bool(home and home.get("capital") == m.name)


def _capital_faced(m, text: str, start: int) -> bool:
    """A capital dealt with or acted against ("lodged a protest with Beijing", "sanctions against Moscow") is
    its state."""
    return _is_capital(m) and _WITH_BEFORE.search(text, max(0, start - 10), start) is not None


def _capital_speaks(m, text: str, end: int) -> bool:
    return _is_capital(m) and (_SPEAKS.match(text, end) is not None or _CAPITAL_OWNS.match(text, end) is not None)


# a capital owning what only a state has ("limits Tehran's nuclear programme", "Moscow's decision"): its state
_CAPITAL_OWNS = re.compile(
    r"['\u2019]s\s+(?:[a-z-]+\s+)?(?:nuclear|programme|program|policy|policies|decision|position|stance|demands?|"
    r"response|support|allies|ally|claims?|move|plans?|missiles?|military|forces|troops|government|regime|leadership|"
    r"diplomats?|envoys?|ambassadors?|backing|refusal|objections?|concerns?|ties|relations|aggression|invasion|"
    r"intervention|involvement|sanctions)\b")


_PLACE_NOUN = re.compile(
    r"\s+(?:[a-z-]+\s+|[A-Z][a-z-]+\s+(?=island|islands|peninsula|coast|province|region)){0,2}(?:island|islands|border|borders|region|regions|coast|capital|city|port|territory|"
    r"territories|province|far\s+east|north|south|east|west|soil|airspace|waters|frontier|peninsula)\b")
_ACTOR_NOUN = re.compile(
    r"\s*(?:forces|troops|police|officials?|authorities|government|protesters|demonstrators|army|military|soldiers|"
    r"navy|air\s+force|people|citizens|voters|electorate|nationals|diplomats?|ministry|ministers?|leaders?|delegation|side|"
    r"counterparts?|president|prime|foreign|defen[cs]e|state|media|embassy|ambassadors?|envoys?|consul|consulate|warships?|ships|vessels|jets|planes|"
    r"aircraft|bombers|drones|submarines|coast\s+guard|border\s+guards?|(?:drone\s+|missile\s+|air\s*)?strikes?|"
    r"airstrikes?|attacks?|shelling|bombardment|raids?|offensive|incursion|(?:royal\s+)?marines|commandos|"
    r"special\s+forces|and\b|or\b|[,.;:)]|$)", re.IGNORECASE)


def _is_demonym(m) -> bool:
    home = geo.countries().get(m.country or "")
    if not home or not home.get("demonyms"):
        return False
    return m.text.lower() in {d.strip().lower() for d in home["demonyms"].split(";") + home["demonyms"].split("|")}


_VICTIM = re.compile(r"\b(?:a|an|the|two|three|several|\d+)\s+(?:\w+\s+){0,2}?(?:man|woman|men|women|person|people|"
                     r"civilians?|villagers?|residents?|farmers?|councill?ors?|journalists?|child|children|boy|girl|"
                     r"shop|house|home|car|vehicle)\b", re.IGNORECASE)
_UNLISTED = re.compile(r"\b(?:in|near|at|outside|from|into|(?:town|city|village|district|capital|market|outskirts|"
                       r"suburbs?|area|vicinity|centre|center)\s+of|"
                       r"control\s+of)\s+((?:[A-Z][a-z][A-Za-z'-]*)(?:\s+(?:[A-Z][a-z][A-Za-z'-]*|al|el|de|di|du))"
                       r"{0,3})(?=\s+(?:village|town|city|district|subdistrict|area|region|province|camp|"
                       r"neighbou?rhood|municipality|LGA|territory|county|commune|governorate|department|raion|ward|"
                       r"locality|sub-county|parish)\b|\s*[,.;()]|\s+(?:on|in|near|at|and|after|during|from|with|"
                       r"yesterday|today|overnight|earlier|last|this)\b)")
_UNLISTED_THE = re.compile(r"\b(?:in|near|at|outside|from|into|across)\s+the\s+((?:[A-Z][a-z][A-Za-z'-]*\s+){1,3}"
                           r"(?:Valley|Mountains|Hills|Strait|Gulf|Desert|Plain|Basin|Corridor|Peninsula|Square|Camp))\b")
# an island the gazetteer does not know, with or without a preposition ("bombards Yeonpyeong Island")
_UNLISTED_ISLAND = re.compile(r"\b((?:[A-Z][a-z][A-Za-z'-]*\s+){1,2}(?:Island|Islands|Atoll|Reef))\b")
_NOT_A_PLACE = frozenset("""The A An This That These Those His Her Its Their Our Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April May June July August September October November December
President Prime Minister Parliament Congress Senate Court Council Ministry Government Police Army University
Hospital Church Mosque School Office Embassy Headquarters North South East West Central Eastern Western Northern
Southern Upper Lower New Old Great""".split())


@dataclasses.dataclass(frozen=True, slots=True)
class _Unlisted:
    """A place the gazetteer does not know ("in Shadadah", "near Bohuslavske"), with the coordinates of the
    known place or country the sentence puts it in, and a precision that says how coarse those are."""

    start: int
    end: int
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    kind: str = "place"
    category: str = "unlisted"
    location: str | None = None


# between a place and the areas it lies in: "Kasese town (", "Dahyan (Majz, ", "Kutupalong camp (Ukhia, "
_AREA_AFTER_PLACE = re.compile(r"(?:\s+[a-z]+)?\s+\((?:[^(),]{1,30},\s)?")
# "the city", "the town" named alone (not "the city of ...", "the town, X", "the city's")
_TO_BEFORE_PLACE_I = re.compile(r"\b(?:to|into|for)\s+(?:the\s+)?$", re.IGNORECASE)
_BARE_CITY = re.compile(r"\bthe\s+(?:(?:port|coastal|northern|southern|eastern|western|central|border|besieged|"
                        r"restive|strategic|embattled|garrison|frontline|key|ancient|desert|mountain|oil|northeastern|"
                        r"northwestern|southeastern|southwestern)\s+)?(?:city|town)\b(?!\s+(?:of|council|hall|centre|center)\b)(?!,\s+(?-i:[A-Z]))(?!['\u2019]s)",
                        re.IGNORECASE)
# "the capital" named alone (not "the capital of ...", "Harare, the capital", "capital markets")
_BARE_CAPITAL = re.compile(r"(?<!, )\bthe\s+capital\b(?!\s+(?:of|city\s+of|markets?|gains?|punishment|flight|controls?|"
                           r"expenditure|base|requirements?|stock|spending|investment)\b)(?!,\s+(?-i:[A-Z]))",
                           re.IGNORECASE)


def _unlisted_places(text: str, lo: int, taken, places, actors) -> list[tuple[int, int, _Unlisted]]:
    found = []
    matches = list(_UNLISTED.finditer(text, lo))
    if " the " in text:
        matches += _UNLISTED_THE.finditer(text, lo)  # "in the Galwan Valley (Ladakh)"
    if "Island" in text or "Atoll" in text or "Reef" in text:
        matches += _UNLISTED_ISLAND.finditer(text, lo)
    for m in matches:
        a, b = m.span(1)
        name = m.group(1)
        if name.split()[0] in _NOT_A_PLACE or any(s < b and a < e for s, e in taken) \
                or any(f[0] < b and a < f[1] for f in found):
            continue
        # coordinates: the next known place in the sentence (the district or region it lies in), else a state
        after = [p for p in places if p[0] >= b and p[0] - b <= 120 and p[2].lat is not None]
        where = after[0][2] if after else None
        if where is None:  # else a place named before it ("operations in Mali ... the town of Konna")
            before = [p for p in places if p[1] <= a and p[2].lat is not None]
            where = before[-1][2] if before else None
        if where is None:
            where = next((x.mention for x in actors if x.category == "state" and x.mention is not None), None)
        precision = None
        if where is not None:
            precision = "region" if where.precision in ("city", "region") else "country"
        found.append((a, b, _Unlisted(a, b, name, name, getattr(where, "country", None), getattr(where, "lat", None),
                                      getattr(where, "lon", None), precision)))
    return found


_ADJUNCT_NOUN = re.compile(r"\b(?:after|before|amid|following|despite|since)\s+(?:(?:the|a|an|weeks|days|months|"
                           r"years|of|violent|deadly|mass|large|massive|recent|renewed|fresh|widespread)\s+)*$",
                           re.IGNORECASE)
_REASON = re.compile(r"\b(?:over|because\s+of|due\s+to|in\s+response\s+to|regarding|concerning)\s", re.IGNORECASE)
_SEAT_AFTER_STATE_I = re.compile(r"(?:['\u2019]s)?\s+(?:national\s+)?(?:parliament|congress|national\s+assembly|"
                                 r"parliament\s+building)\b", re.IGNORECASE)
# a verb in the present told of a named subject ("Salvador Nasralla refuses to accept the result"): news of the day
_PRESENT_S_I = re.compile(r"[a-z]{3,}s", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(r"(?:\b[A-Z][\w'\u2019-]+|\b(?:he|she|it|they))\s+$")
_LIMITS_ON_I = re.compile(r"\b(?:limits?|restrictions?|bans?|curbs?|controls?)\s+on\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_TRIED_TO_I = re.compile(r"\b(?:tried|attempted|sought)\s+(?:\w+\s+)?to\s+$", re.IGNORECASE)
_TAKES_EFFECT_BEFORE_I = re.compile(r"\b(?:from|until|till|starting|effective|through)\s+$", re.IGNORECASE)
_POST_BEFORE_I = re.compile(r"\b(?:ambassadors?|envoys?|high\s+commissioners?)(?:,\s+[^,]{3,40},)?\s+to\s+(?:the\s+)?$",
                            re.IGNORECASE)
_PROTEST_TOPIC_I = re.compile(r"\b(?:against|over)\s+(?:a|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plan|plans|bill|law|"
                              r"decision|deal|policy|reform|reforms|proposal|move)\s+to\s+\w+", re.IGNORECASE)
_RETALIATION = re.compile(r"\bin\s+(?:response|retaliation|reprisal)\s+(?:to|for)\s", re.IGNORECASE)
_THAT_CLAUSE = re.compile(r"\s*(?:on\s+\w+\s+)?that\s", re.IGNORECASE)
_SUBJECT_GAP = re.compile(r"\s*that\s+(?:the\s+)?", re.IGNORECASE)
# "protested against the dismissal of several workers": who a protest is against or about is not protesting
_PROTEST_TARGET = re.compile(r"\b(?:against|over|about|demanding|demand|calling\s+for|to\s+protest|release\s+of|resignation\s+of)\b",
                             re.IGNORECASE)
_FACTION = re.compile(r"\s+([A-Z]{2,6})\b(?!['\u2019]s)(?=\s+(?:armed\s+)?(?:group|faction|militia|wing|rebels|fighters|"
                      r"forces|movement)\b)")
_LOCAL_OFFICIAL = re.compile(
    r"\b(?:the|a|an)\s+(?:[A-Z][\w-]+\s+)?(?:(?:provincial|regional|local|town|city|district|county|municipal|state)\s+)?"
    r"(?P<noun>governor|deputy\s+governor|mayor|councill?or|district\s+commissioner|prefect)\b(?!\s+(?:of\b|[A-Z]))")
_OFFICIAL_WORDS = ("governor", "mayor", "councillor", "councilor", "commissioner", "prefect")  # one is in every match
_ORGANISER_WORDS = ("organised", "organized", "initiated", "called", "convened", "staged", "banner")
_UNKNOWN_WORDS = ("unidentified", "unknown")
_DONE_TO = frozenset({"military action", "arrest", "expulsion", "sanction", "leadership change", "court ruling"})
_UNKNOWN_ARMED = re.compile(r"\b(?:unidentified|unknown)\s+(?:armed\s+)?(?:man|men|gunm[ae]n|assailants?|attackers?|"
                            r"individuals?|persons?|group|perpetrators?)\b", re.IGNORECASE)
_ORGANISER = re.compile(
    r"\b(?:organi[sz]ed|initiated|called|convened|staged)\s+by\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'\u2019()\-]*(?:\s+(?:[A-Z][\w'\u2019()\-]*|of|for|the|and)){1,6}(?<![\s,]of)(?<![\s,]for)(?<![\s,]the)(?<![\s,]and))"
    r"|\bunder\s+the\s+banner\s+of\s+['\u2018\"\u201c](?P<quoted>[^'\u2019\"\u201d]{3,80})['\u2019\"\u201d]")
_PASSIVE_BY = re.compile(r"^\s*(?:was|were|is|are|has\s+been|had\s+been)\s+(?:\w+\s+){1,2}?by\s+(?:the\s+)?$",
                         re.IGNORECASE)
_DRUGS = re.compile(r"\b(?:marijuana|cannabis|cocaine|heroin|methamphetamines?|narcotics|fentanyl|opium|"
                    r"drugs?\s+(?:haul|shipment|consignment|cargo))\b", re.IGNORECASE)
# patterns used inline, compiled once
_COMMA_SPACE = re.compile(r",\s+")
_BLANK = re.compile(r"\s*")
_AND_GAP = re.compile(r"\s*,?\s*and\s*")
_BETWEEN_AFTER = re.compile(r"\s*(?:\w+\s+){0,3}between\s+")
_COLLECTIVE = re.compile(r"sides|countries|nations|governments")
_ROLE_PREP = re.compile(r"^\s*(?:by|from|of|between|with)\s+(?:the\s+)?$")
_SINCE_BEFORE = re.compile(r"\b(?:since|until|till|before)\s+$")
_SINCE_PHRASE = re.compile(r"\b(?i:since)\s+(?!then\b)[^,;:()\u2014]{0,95}$")
# what stands between an event noun and a relative clause on it: nothing, or a prepositional phrase ("a visit to
# China that ran from Sunday to Wednesday")
_PP_GAP_I = re.compile(r"\s*,?\s*(?:(?:to|in|with|of|at|from|on|between|by|for)\s+(?:[\w.'\u2019-]+\s+){1,5}?,?\s*)?",
                       re.IGNORECASE)
# "(the 1 December) presidential (election)": adjectives between a date and the event noun it modifies
_MODIFIER_GAP = re.compile(r"(?<!\sdays)(?<!\sweeks)(?<!\smonths)(?<!\syears)(?<!\sday)(?<!\sweek)(?<!\smonth)(?<!\syear)"
                           r"(?:['\u2019]s)?\s+(?:(?!(?:at|in|on|of|to|for|with|by|the|a|an|and|or|from|as|after|before|"
                           r"during|since|until|when|while|that|which)\s)[a-z][\w-]*\s+){0,3}")
_RELATIVE_PHRASE = re.compile(r"\b(that|which|who|whom)\s+[^;:()\u2014]{0,130}$", re.IGNORECASE)
_PAST_VERB_I = re.compile(r"\b(?:[a-z]{3,}ed|had|has|have|was|were|broke|fell|began|ran|went|took|made|held|won|lost|"
                          r"left|met|came|became|fought|sent|struck|shot|led|built|drew|gave|wrote|spoke|set|put|cut|"
                          r"hit|said|told|paid|laid|kept|fled|sold|bought|brought|sought|caught|chose|rose|drove|saw|"
                          r"knew|grew|threw|flew|swore|stood|spent|dealt|meant|felt|found|heard|seized|tore|wore|"
                          r"taken|given|driven|fallen|begun|overran|overrun|beaten|stolen|blown|thrown)\b")
_EFFECT_VERB_I = re.compile(r"\b(?:will|would|is\s+to|are\s+to|is\s+due\s+to|due\s+to|shall)\s+(?:take\s+effect|"
                            r"come\s+into\s+(?:force|effect)|enter\s+into\s+force|expire|lapse)\b", re.IGNORECASE)
_WORD_BEFORE_I = re.compile(r"([A-Za-z]+)\s*,?\s*$")
_THAT_VERBS = frozenset("""said says announced announces confirmed confirms agreed agrees warned warns stated states
added adds noted notes reported reports believe believes believed hope hopes hoped insisted insists argued argues claimed
claims denied denies acknowledged acknowledges so such now fear fears feared know knows knew think thinks thought
show shows showed suggest suggests suggested found find finds ensure ensures ensured demand demands demanded""".split())
_AFTER_PHRASE = re.compile(r"\b((?i:after|following|in\s+(?:retaliation|response)\s+(?:for|to)))\s+(?!that\b)"
                           r"[^,;:()\u2014]{0,140}$")
_TO_AFTER = re.compile(r"\s+to\b")
_FOR_A_BEFORE = re.compile(r"\bfor\s+(?:a|an)\s+(?:\w+\s+)?$")
_TO_BEFORE = re.compile(r"\bto\s+$")
_DEFINITE_BEFORE = re.compile(r"\b(?:(?:the|this|that|these)\s+|(?:his|her)\s+(?!(?:first|second|third|last|latest|next|"
                              r"new|previous|maiden)\s))(?:\w+\s+)?$", re.IGNORECASE)
_PROTEST_NAME = re.compile(r"protest|demonstrat|riot", re.IGNORECASE)
# a locative phrase that opens a sentence, up to its comma ("At the World Economic Forum in Davos, Switzerland,")
# (after a date that opens the sentence: "On 12 July 2021, in Durban (eThekwini, KwaZulu-Natal), rioters ...")
_FRONTED_I = re.compile(r"(?:(?:on|around)\s+[^,;:.()]{3,40}(?:\s+\([^()]{0,40}\))?,\s+(?:(?:at\s+)?(?:dawn|night|noon|midnight|"
                        r"(?:in\s+the\s+)?(?:morning|afternoon|evening)),\s+)?)?"
                        r"(?:at|in|near|inside|outside|from|meeting\s+in|speaking\s+(?:in|at))\s+(?:[^,;:.()]|\([^()]{0,60}\)){2,80}"
                        r"(?:,\s+(?-i:[A-Z])[\w.'-]+(?:\s+(?-i:[A-Z])[\w.'-]+)*)?,", re.IGNORECASE)
_PLACE_RANK = {"venue": 0, "event": 1, "city": 2, "region": 3}
# what lands or arrives when something is struck ("rockets carrying sarin landed on Zamalka")
_MUNITION_BEFORE_I = re.compile(r"\b(?:rockets?|shells?|missiles?|mortars?|mortar\s+rounds|projectiles?|bombs?|grenades?|"
                                r"drones?)\b[^,;:]*$", re.IGNORECASE)
_CLAIM_I = re.compile(r"claim(?:s|ed|ing)?(?:\s+responsibility|(?=\s+(?:the|this|that|both)\s))", re.IGNORECASE)
_SURVEILLED_I = re.compile(r"\b(?:intercept|tap|tapp|monitor|record|eavesdropp|bugg|hack|wiretapp|listen)(?:ed|ing|s)?\b"
                           r"(?:\s+(?:to|on))?\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE)
_QUALIFIER = re.compile(r" \([^()]+\)$")
_BARE_GROUP_WORDS = frozenset(w for w, (pattern, _) in gazetteer.GROUPS.items() if "({c})" in pattern)
_IN_PROTEST_AT_I = re.compile(r"\s+(?:at|against|over|of)\b", re.IGNORECASE)
_IN_WHICH_I = re.compile(r",\s+(?:in|during|at|by)\s+which\b", re.IGNORECASE)
# what is met that is no one: "if the Taliban meet their commitments"
_MET_THING_I = re.compile(r"\s+(?:(?:their|its|his|her|the|all|these|those|our)\s+)?(?:[\w-]+\s+)?(?:commitments|obligations|"
                          r"demands|targets|needs|conditions|requirements|deadlines?|goals|criteria|expectations|"
                          r"standards|costs|challenges?|resistance|opposition|fire|gunfire|force)\b"
                          # "was met by Maute Group gunmen": who an operation ran into, not a meeting
                          r"|\s+(?:by|with)\s+(?:[\w'-]+\s+){0,4}?(?:gunmen|fighters|militants|rebels|insurgents|gunfire|"
                          r"fire|resistance|protests?|protesters|tear\s+gas|violence)\b", re.IGNORECASE)
_AND_DEMANDS_I = re.compile(r"\band\s+$", re.IGNORECASE)
_DEMAND_VERB_I = re.compile(r"(?:demand(?:s|ed)|urg(?:es|ed)|call(?:s|ed)\s+(?:on|for))\b", re.IGNORECASE)
_VAGUE_REFS = frozenset({"PAST_REF", "FUTURE_REF", "PRESENT_REF"})
# a speaker's words opening on a thing: "said the clinic", "told reporters a convoy"
_SAID_THING_I = re.compile(r"\b(?:said|says|told\s+(?:reporters|journalists)|reported|added|stated)\s+(?:that\s+)?"
                           r"(?:the|a|an|its|their|his|her|several|two|three|some)\s+(?-i:[a-z])", re.IGNORECASE)
_PASSIVE_GAP_I = re.compile(r"\s+(?:was|were|is|are|(?:has|have|had)\s+been|being)\s+(?:\w+ly\s+)?", re.IGNORECASE)
# a speaker, then the verb of speech ("Lucas Ferreira, the mayor, said the"), then more words
_SPEAKER_GAP_I = re.compile(r"(?:,[^,.;]{1,60},)?\s+(?:said|says|told\s+(?:reporters|journalists)|added|stated)\s+"
                            r"(?!(?:on|in|at|last|this)\b)\w", re.IGNORECASE)
_ELECT_VERB_I = re.compile(r"(?:re-)?elects?", re.IGNORECASE)
_WHO_CLAUSE_I = re.compile(r",\s+(?:who|which)\s", re.IGNORECASE)
_WERE_ING_I = re.compile(r"\b(?:was|were)\s+$", re.IGNORECASE)
_CIRCUMSTANCE_I = re.compile(r",\s+(?:where|when|while|as)\s+[^,;]*$", re.IGNORECASE)
_WHO_SAYS_I = re.compile(r",\s+who\s+$", re.IGNORECASE)
_SAY_VERB_I = re.compile(r"(?:says|said|claims|claimed|insists|insisted|maintains)\b", re.IGNORECASE)
_AND_FINITE_I = re.compile(r".*,\s+and\s+$", re.IGNORECASE)
_FINITE_AT_I = re.compile(r"[a-z]+(?:s|ed)\b", re.IGNORECASE)
# what a text or a call asks for: "a joint declaration urging an end to the persecution of Christians in the Middle East"
_CONTENT_PARTICIPLE_I = re.compile(r"\b(?:urging|calling\s+(?:for|on)|demanding|condemning|seeking|asking|pledging|"
                                   r"expressing|welcoming|rejecting|denouncing|supporting)\b", re.IGNORECASE)
_INTO_I = re.compile(r"\s+into\b", re.IGNORECASE)
_HARD_BREAK = re.compile(r"[;\u2014]|:\s")
_SURRENDER_I = re.compile(_SURRENDER, re.IGNORECASE)
_CITING_I = re.compile(r"\bciting\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# a unit named by an acronym or a force's name, then "troops" or "soldiers": a state's army ("FADM troops")
_UNIT_TROOPS = re.compile(r"(?:[A-Z]{2,6}|(?:[A-Z][a-z]+\s+)?(?:Defen[cs]e\s+)?Forces?)\s+(?:troops|soldiers)")
# a vote to do something does it ("votes 39-4 to remove President Lugo")
_VOTED_TO_I = re.compile(r"\bvot(?:e|es|ed|ing)\s+(?:[\d\u2013\u2014-]+\s+|unanimously\s+|overwhelmingly\s+)?to\s+$",
                         re.IGNORECASE)
# a past participle right after an event noun: what it names is done ("a treaty signed on Thursday")
_DONE_PARTICIPLE_I = re.compile(r"\s+(?:was\s+|were\s+)?(?:signed|reached|struck|concluded|sealed|agreed|brokered|held|"
                                r"imposed|adopted|ratified|launched|carried\s+out)\b", re.IGNORECASE)
# a word that opens an adjunct of another event: what is told after it is not the clause's own
_ADJUNCT_OPENER_I = re.compile(r"\b(?:after|following|amid|since|before|despite|in\s+(?:response|retaliation)\s+(?:to|for))\b",
                               re.IGNORECASE)
_OWN_ROLE_AFTER = re.compile(r"^\s*(?:by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_OTHER_AGENT = re.compile(r"\b\w+(?:ed|en)\s+by\s+(?:the\s+)?$", re.IGNORECASE)  # starts at the participle
_OBSERVES = re.compile(r"(?:\s+[A-Z]{2,6})*\s+(?:observed|recorded|monitored|documented|registered|counted)\b")
_OWNS = re.compile(r"^(?:'s|\u2019s)\s+(?:[A-Z][\w-]*\s+){0,3}$")
# where ACLED codes violence by perpetrators nobody named as gang violence: Latin America and the Caribbean
_GANG_COUNTRIES = frozenset("""MEX GTM HND SLV NIC CRI PAN BLZ COL VEN ECU PER BOL PRY URY ARG CHL BRA GUY SUR JAM HTI DOM
TTO CUB PRI BHS BRB""".split())
# a fight between people who bear no arms ("vendors clashed with police", "members of two clans clashed") is a riot:
# ACLED adds "Rioters (Country)" to the group that fought
_UNARMED_GROUP = re.compile(r"(?:Labour Group|Students|Farmers|Traders|Vendors|Residents|Villagers|Teachers|Workers|"
                            r"Health Workers|Lawyers|Migrants|Refugees|Civilians|Protesters)\b|\bCommunal Group\b")
_MUTUAL = re.compile(r"clash|fight|fought|brawl|scuffle", re.IGNORECASE)
# "to prevent migrants from boarding": whom an act is meant to stop takes no part in it
_PREVENTED = re.compile(r"\b(?:to|in\s+order\s+to)\s+(?:prevent|stop|keep|deter|bar|block|discourage)\s+(?:\w+\s+){0,3}$",
                        re.IGNORECASE)
_PREVENTED_WORDS = ("prevent", "stop", "keep", "deter", "bar", "block", "discourage")  # one is in every match


def _cased(pattern: re.Pattern) -> re.Pattern:
    """A case-insensitive pattern written in lower case, without IGNORECASE: on lower-cased ASCII text it
    matches where the pattern matches the text, several times faster (case folding slows every step)."""
    if pattern.pattern != pattern.pattern.lower():
        raise ValueError(f"not all lower case: {pattern.pattern!r}")
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


(_PLANNED_LC, _PLANNED_AFTER_LC, _POSSIBLE_LC, _DENIED_LC, _PREP_PLACE_LC, _NOT_EVENT_BEFORE_LC, _NOT_EVENT_AFTER_LC,
 _ADJUNCT_LC, _OTHER_AGENT_LC, _PREVENTED_LC, _PROTEST_TARGET_LC, _PAST_NARRATIVE_LC, _PERFECT_LC, _AGENT_AFTER_LC,
 _OF_AFTER_LC, _OWN_ROLE_AFTER_LC) = map(_cased, (
    _PLANNED, _PLANNED_AFTER, _POSSIBLE, _DENIED, _PREP_PLACE, _NOT_EVENT_BEFORE, _NOT_EVENT_AFTER,
    _ADJUNCT, _OTHER_AGENT, _PREVENTED, _PROTEST_TARGET, _PAST_NARRATIVE, _PERFECT, _AGENT_AFTER, _OF_AFTER,
    _OWN_ROLE_AFTER))
# the twins of the patterns _cue_before is asked about, by id (a compiled pattern hashes its whole program)
_CUE_TWINS = {id(pattern): _cased(pattern) for pattern in (_PREP_BEFORE, _PASSIVE_AUX, _PREP_PLACE, _SAID_AT)}

_PAIR = re.compile(r"\b(?:the\s+two|both)\s+(?:leaders|presidents|men|heads\s+of\s+state|sides|countries|nations|governments)\b",
                   re.IGNORECASE)


class _ReportDay(NamedTuple):
    """The report's date standing in for a main event's date the sentence does not name."""
    date_start: dt.date
    date_end: dt.date
    precision: str
    text: str
    start: int
    end: int


class _Sentence:
    """One sentence being read: its clauses, actors, places, sources and triggers."""

    def __init__(self, article, sent, s_timexes, s_mentions, states, ctx):
        self.article, self.sent, self.ctx = article, sent, ctx
        self.s0 = sent.start
        self.text = sent.text
        self.body = sent.body_start - sent.start
        self.clauses = [(a + self.body, b + self.body) for a, b in _clauses(self.text[self.body:])]
        self.segments = [(a + self.body, b + self.body) for a, b in _segments(self.text[self.body:])]
        self.clause_at = _index(self.clauses, len(self.text))  # clause and segment of each offset
        self.segment_at = _index(self.segments, len(self.text))
        self._cues: dict[tuple, bool] = {}
        # the sentence in lower case, for the word tests before searches (None: not ASCII, every test passes)
        self.lowered = lowered = self.text.lower() if self.text.isascii() else None
        if lowered is not None and not _holds(lowered, _REPORTING_WORDS):
            self.reporting = [False] * len(self.segments)
        else:
            # ("SEOUL, Jan 10 (Reuters) - North Korea said on Friday ...": the segment the dateline opens is told)
            self.reporting = [i > 0 and (lowered is None or _holds(lowered[a:b], _REPORTING_WORDS))
                              and self.s0 + a >= ctx.dateline_end
                              and bool(_REPORTING.match(self.text[a:b])) for i, (a, b) in enumerate(self.segments)]
        # "now", "current" (PRESENT_REF) say nothing a publication date does not
        self.timexes = [(t, t.start - self.s0, t.end - self.s0) for t in s_timexes
                        if t.start - self.s0 >= self.body and t.value != "PRESENT_REF"
                        and (t.date_start is not None or t.value.endswith("_REF"))]
        self.actors: list[_Actor] = []
        self.places: list[tuple[int, int, object]] = []
        self._fronted = False  # the place of a locative phrase opening the sentence, worked out on first use
        self._unnamed: str | None = None  # the text _status searches, names blanked, worked out on first use
        self._built_at: dict[int, int] = {}  # id of each event built here -> where its word stands
        self._heads: dict[int, int] = {}  # a relative clause's event word -> the noun it tells of ("strike that killed")
        self.sources: list[tuple[int, int, object]] = []
        stext = self.text
        dates = [(ta, tb) for _, ta, tb in self.timexes]
        place_ends: dict[int, str | None] = {}
        prep_place = self._prep_place
        for m in s_mentions:
            a, b = m.start - self.s0, m.end - self.s0
            if a < self.body:
                continue  # a bullet's label ("Previous Summit:") is not text
            if dates and any(ta <= a < tb for ta, tb in dates):
                continue  # "May" in "in May 2018" is a month, not Theresa May
            if m.kind == "source":
                self.sources.append((a, b, m))
            elif m.kind == "place" and (_capital_speaks(m, stext, b) or _capital_faced(m, stext, a)) \
                    and not prep_place(a):
                # "Washington has warned", "Pyongyang said": the capital speaks for its state
                home = geo.countries().get(m.country or "")
                self.actors.append(_Actor(a, b, home["name"] if home else m.name, m.country, "state", m))
            elif m.kind == "place":
                self.places.append((a, b, m))
                place_ends[b] = m.country
            elif m.category == "state" and _is_demonym(m) and stext.startswith(" capital", b) \
                    and _capital_mention(m.country) is not None:
                # "the Belarusian capital": Minsk
                self.places.append((a, b + 8, _capital_mention(m.country)))
            elif m.category == "state" and _is_demonym(m) and (seat := _SEAT_AFTER_STATE_I.match(stext, b)) \
                    and _capital_mention(m.country) is not None \
                    and not any(o.kind == "place" and o.precision == "city" for o in s_mentions):
                # "storm the Georgian parliament": in the capital, where it sits
                self.places.append((a, seat.end(), _capital_mention(m.country)))
            elif m.category == "state" and _is_demonym(m) and not _ACTOR_NOUN.match(stext, b) \
                    and not prep_place(a):
                continue  # an adjective: "the Japanese prefecture of Okinawa" (but "in the Russian port city")
            elif m.category == "state" and stext[a - 2:a] == ", " and (a - 2) in place_ends \
                    and place_ends[a - 2] in (None, m.country):
                # "in Palmyra, Syria": the country of the place before it (but "in Minsk, Ukraine, Russia and
                # the separatists agreed" lists parties: Minsk is not in Ukraine)
                self.places.append((a, b, m))
            elif m.category in _ACTOR_CATEGORIES:
                actor = _Actor(a, b, m.name, m.country, m.category, m)
                faction = _FACTION.match(stext, b) if m.category == "group" else None
                if faction is not None and not any(n.start - self.s0 == faction.start(1) for n in s_mentions):
                    # "the Mayi Mayi UPLC armed group": the acronym names which faction of the movement
                    actor.name, actor.end = f"{m.name} {faction.group(1)}", faction.end(1)
                possessive = stext[b:b + 2] in ("'s", "\u2019s")
                if m.category == "state" and ((prep_place(a) and not possessive
                                               and not _MEASURE_ON.search(stext, max(0, a - 30), a))
                                              or (possessive and _PLACE_NOUN.match(stext, b + 2))
                                              or (_HOST_NOUN_AFTER.match(stext, b) and _city_state(m.country))
                                              or _VISITS_BEFORE.search(stext, max(0, a - 12), a)):
                    # "to Russia", "on Singapore's Sentosa island", "toward North Korea's border", "the Singapore
                    # summit" (a city-state named before a meeting is where it was held)
                    actor.is_place_like = True
                    self.places.append((a, b, m))
                self.actors.append(actor)
        taken = [(x.start, x.end) for x in self.actors] + [(a, b) for a, b, _ in self.places + self.sources]
        self.places.extend(_unlisted_places(stext, self.body, taken + dates, self.places, self.actors))
        if "(" in stext and len(self.places) > 1:
            # "in Kasese town (Kasese)", "in the market of Dahyan (Majz, Saada)": the areas in parentheses say where
            # the place before them lies (an unlisted one took its coordinates from them); they are not another place
            self.places.sort(key=lambda p: p[0])
            self.places = [p for i, p in enumerate(self.places)
                           if not (i > 0 and _AREA_AFTER_PLACE.fullmatch(stext, self.places[i - 1][1], p[0]))]
        if ("arliament" in stext or "ongress" in stext or "ssembly" in stext) and not any(
                p[2].precision == "city" for p in self.places) and not any(
                o.kind == "place" and o.precision == "city" for o in s_mentions):
            # "protesters tried to storm the Georgian parliament": a state's parliament sits in its capital
            for x in self.actors:
                if x.category == "state" and x.country and x.start >= self.body \
                        and (seat := _SEAT_AFTER_STATE_I.match(stext, x.end)) and _capital_mention(x.country) is not None:
                    self.places.append((x.start, seat.end(), _capital_mention(x.country)))
                    break
        story = ctx.city_country or ctx.place_country
        if "the capital" in stext and story and not any(p[2].country != story for p in self.places if p[2].country):
            # "the army had taken control of the capital": the capital of where the story is (the state of the
            # last town named: "stormed her residence in Dhaka ... police stations in the capital")
            seat = _capital_mention(story)
            for m in _BARE_CAPITAL.finditer(stext, self.body):
                if seat is not None and not any(a < m.end() and m.start() < b for a, b in taken):
                    self.places.append((m.start(), m.end(), seat))
        if " city" in stext or " town" in stext:
            # "Karimov flew to the city on Friday": the town the story named last (in this sentence too: "in
            # Culiacan, after which gunmen attacked security forces across the city")
            named = sorted((p for p in self.places if p[2].precision == "city" and getattr(p[2], "lat", None) is not None),
                           key=lambda p: p[0])
            for m in _BARE_CITY.finditer(stext, self.body):
                town = next((p[2] for p in reversed(named) if p[1] <= m.start()), ctx.last_city)
                if town is not None and not any(a < m.end() and m.start() < b for a, b in taken) \
                        and not any(p[0] < m.end() and m.start() < p[1] for p in self.places):
                    self.places.append((m.start(), m.end(), town))
        self.places.sort(key=lambda p: p[0])
        if self.s0 < ctx.dateline_end and "/" in self.text[:ctx.dateline_end - self.s0]:
            # "BAGHDAD/DUBAI (Reuters) -": filed from two places at once, neither says where it happened
            self.places = [p for p in self.places if p[0] >= ctx.dateline_end - self.s0]
        ctx.city_country = next((p[2].country for p in reversed(self.places)
                                 if p[2].precision == "city" and p[2].country), ctx.city_country)
        ctx.last_city = next((p[2] for p in reversed(self.places) if p[2].precision == "city"
                              and getattr(p[2], "lat", None) is not None), ctx.last_city)
        taken = [(x.start, x.end) for x in self.actors] + [(a, b) for a, b, _ in self.places + self.sources]
        home = None
        # ("near Kidal, Mali": a state after a comma names where the place lies, and does not act)
        acting = [x for x in self.actors if x.category in ("state", "government") and stext[x.start - 2:x.start] != ", "]
        if not acting:
            home = next((p[2].country for p in self.places if p[2].country and geo.country_name(p[2].country)), None) \
                or next((x.country for x in self.actors if x.category == "state" and x.country), None) \
                or next((x.country for x in self.actors if x.category == "person" and x.country), None) \
                or ctx.place_country
            # ("the army arrested President Omar al-Bashir": the army of the one it acts on, with nothing else said;
            # "... in Ouagadougou. Security forces fired live ammunition.": the forces of where the story is)
        ctx.place_country = next((p[2].country for p in self.places if p[2].country
                                  and geo.country_name(p[2].country)), ctx.place_country)
        self.actors.extend(_group_actors(stext, self.body, len(stext), taken, states, ctx.group_words, home,
                                         None if any(x.category == "state" or x.name.startswith("Government")
                                                     for x in acting) else ctx.place_country))
        self.actors.extend(self._local_officials(taken))
        self.actors.sort(key=lambda x: x.start)
        army = next((x for x in self.actors if x.name.startswith("Military Forces of ")), None)
        where = home or ctx.place_country
        for i, x in enumerate(self.actors):
            if x.category != "group" or x.country is not None:
                continue
            if x.name.lower() in _BARE_ARMY or _UNIT_TROOPS.fullmatch(x.name):
                # "Thai army chief General Prayut declares that the armed forces have taken control": that army;
                # "FADM troops attacked RENAMO's base at Satunjira (Gorongosa, Sofala)": the army of where it is
                if army is not None:
                    self.actors[i] = _Actor(x.start, x.end, army.name, army.country, army.category)
                elif where and _UNIT_TROOPS.fullmatch(x.name) and geo.country_name(where):
                    self.actors[i] = _Actor(x.start, x.end, f"Military Forces of {geo.country_name(where)}", where,
                                            "government")
        # group names qualified by no word of their own ("protesters", "fighters"), name -> pattern: their state
        # is where they act
        self._bare_groups = {x.name: _QUALIFIER.sub(" ({})", x.name) for x in self.actors
                             if x.category == "group" and _QUALIFIER.search(x.name)
                             and stext[x.start:x.end].lower() in _BARE_GROUP_WORDS}
        observers = [x for x in self.actors if x.category in ("organisation", "group", "government")
                     and _OBSERVES.match(stext, x.end)]
        for x in observers:  # "the OSCE SMM observed 41 explosions": who saw it reports it, it did not act
            self.actors.remove(x)
            if x.mention is not None:
                self.sources.append((x.start, x.end, x.mention))
        for x, y in zip(self.actors, self.actors[1:]):
            # "Ethiopia's Liyu police", "Russia's Foreign Minister Lavrov": the state names whose the actor is,
            # and takes no part of its own
            if x.category == "state" and y.category != "state" and y.country in (None, x.country) \
                    and _OWNS.match(stext[x.end:y.start]):
                x.owner = True
                if y.country is None and y.category == "government" and y.name.startswith("Ministry of"):
                    # "China's foreign ministry": China's, named so in the rows
                    y.name, y.country = f"{y.name} ({x.name})", x.country
        for i, x in enumerate(self.actors):
            if x.category == "person":
                backers = _BACKERS_BEFORE.search(stext, max(0, x.start - 45), x.start)
                if backers is not None:
                    # "supporters of former president Jair Bolsonaro stormed ...": his supporters act, not he
                    group = _Actor(backers.start(), x.end, f"Supporters of {x.name}", x.country, "group")
                    self.actors[i] = x = group
        for x in self.actors:  # where each actor stands, worked out once
            x.ci = self.clause_at[x.start]
            x.rep = self.reporting[self.segment_at[x.start]]
        self.agents = [x for x in self.actors if not x.is_place_like]  # (not a state named as a place: "to Russia")
        self.all_triggers: list[tuple[int, int, str]] = []  # set by events()
        self._trigger_spans: list[tuple[int, int, str, int]] = []  # the same as (start, end, family, clause)
        self._datable = self._past_tense = self._in_adjunct = None  # worked out when first asked
        self._crowd_at: set[int] = set()  # protest words that are the crowd itself ("demonstrators gathered")
        self._apart: list[tuple[int, int, object]] = []  # adjuncts told apart: (start, end, duration before)
        self._listed: set[int] = set()  # starts of events listed one after another ("the X summit and the Y summit")
        self._absent: dict[int, set[str]] = {}  # meeting start -> who did not attend it
        # whether the sentence holds a word of a negation or a speculation at all (most hold neither)
        self.may_deny = lowered is None or _holds(lowered, _DENIED_WORDS)
        self.may_prevent = lowered is None or _holds(lowered, _PREVENTED_WORDS)
        # (words some rules need, looked for once per sentence: most sentences hold none of them)
        self.may_cover = lowered is None or _holds(lowered, ("covering", "reporting on", "monitoring", "watching",
                                                             "filming", " of "))
        self.may_call = lowered is None or _holds(lowered, ("call", "urg", "ask"))
        self.may_pronoun = lowered is None or _holds(lowered, (" his ", " her ", " their ", " it ", " he ", " she ",
                                                               " they ", "they ", "which", " him", " her"))
        self.may_be_possible = lowered is None or _holds(lowered, _POSSIBLE_WORDS)

    def _prep_place(self, a: int) -> bool:
        """Whether a preposition of place stands right before ``a`` ("in", "to the")."""
        if self.lowered is not None:
            return _PREP_PLACE_LC.search(self.lowered[max(0, a - 14):a]) is not None
        return _PREP_PLACE.search(self.text[max(0, a - 14):a]) is not None

    def _cue_before(self, pattern, pos: int, width: int) -> bool:
        """Whether ``pattern`` is found in the ``width`` characters before ``pos``. The same few places (a
        trigger's start, a place's, an actor's) are asked about for every trigger of the sentence: each is
        searched once."""
        key = (id(pattern), pos, width)  # (a compiled pattern hashes its whole program)
        hit = self._cues.get(key)
        if hit is None:
            twin = _CUE_TWINS.get(key[0]) if self.lowered is not None else None
            if twin is not None:
                hit = twin.search(self.lowered[max(0, pos - width):pos]) is not None
            else:
                hit = bool(pattern.search(self.text[max(0, pos - width):pos]))
            self._cues[key] = hit
        return hit

    def _local_officials(self, taken) -> list[_Actor]:
        """ "the provincial governor", "a Reni town councillor": an unnamed official of the state whose place the
        sentence names (ACLED's "Government of Country")."""
        found = []
        country = next((p[2].country for p in self.places if p[2].country), None)
        home = geo.countries().get(country or "")
        # (each search runs only where the words it needs occur: most sentences name no such official)
        ctx = self.ctx
        officials = _LOCAL_OFFICIAL.finditer(self.text, self.body) \
            if any(word in self.text for word in ctx.official_words) else ()
        organisers = _ORGANISER.finditer(self.text, self.body) \
            if any(word in self.text for word in ctx.organiser_words) else ()
        unknown = _UNKNOWN_ARMED.finditer(self.text, self.body) \
            if ctx.unknown_armed and _may_contain(self.text, _UNKNOWN_WORDS) else ()
        for m in officials:
            a, b = m.start("noun"), m.end()
            if any(s < b and a < e for s, e in taken) or self.text[max(0, m.start() - 2):m.start()] == ", ":
                continue  # (an apposition names the person: "Takeshi Onaga, the governor")
            if home:
                found.append(_Actor(a, b, f"Government of {home['name']}", country, "government"))
        for m in organisers:
            # "initiated by Don't Let Belgrade D(r)own", "under the banner of 'anti-discrimination student movement'"
            a, b = m.span("name") if m.group("name") else m.span("quoted")
            name = (m.group("name") or m.group("quoted").title()).strip()
            if name.split()[0] in _NOT_A_PLACE or any(s < b and a < e and not (a <= s and e <= b) for s, e in taken):
                continue
            # the name takes the words inside it ("teachers" in 'teachers for fair pay')
            self.actors[:] = [x for x in self.actors if not (a <= x.start and x.end <= b)]
            self.places[:] = [p for p in self.places if not (a <= p[0] and p[1] <= b)]
            found.append(_Actor(a, b, name, None, "organisation"))
        for m in unknown:
            # "a bomb planted by an unidentified man": someone armed whom nobody named
            if not any(s < m.end() and m.start() < e for s, e in taken):
                name = _unidentified(country if home else None)
                found.append(_Actor(m.start(), m.end(), name, country if home else None, "group"))
        return found

    # ------------------------------------------------------------ triggers
    def _topic_state(self, etype: str, b: int, x) -> bool:
        """Whether the state ``x``, after a meeting or call word ending at ``b``, is what was talked about rather
        than a party: "talks on Taiwan", "spoke by phone about the war in Ukraine", "met ... to discuss Ukraine"."""
        if FAMILY[etype] not in ("meet", "call") or getattr(x, "category", None) != "state":
            return False
        start = x.start if hasattr(x, "start") else x
        return _TOPIC_BETWEEN_I.fullmatch(self.text, b, start) is not None

    def _protesters_act(self, a: int, b: int, s_triggers) -> bool:
        """Whether the crowd word at [a, b) ("protesters", "demonstrators") is the subject of a verb in the past
        ("Protesters gathered outside parliament", "demonstrators opposing the bill forced their way in"), where no
        other word of the sentence names the protest."""
        crowd = next((x for x in self.actors if x.start <= a < x.end), None)
        if crowd is None or not crowd.name.startswith(("Protesters", "Rioters")):
            return False  # (not "March" in a date)
        s0, ci = self.s0, self.clause_at[a]
        dates = [(ta, tb) for _, ta, tb in self.timexes]
        if any((etype == "protest" and ta - s0 != a or etype == "military action" and self.clause_at[ta - s0] == ci)
               and not _inside(dates, ta - s0) for ta, _, etype in s_triggers):
            return False  # the crowd's doing is told by a word of its own: "protesters burnt down three towers"
        if self._cue_before(_PREP_BEFORE, a, 16) and not _CROWD_SIZE.search(self.text, max(0, crowd.start - 30),
                                                                          crowd.start):
            return False  # "police fired on protesters": done to them (but "thousands of protesters gathered")
        return _CROWD_ACTS.match(self.text, b) is not None

    def _attended_by_name(self, pos: int) -> bool:
        """Whether ``pos`` is inside the name of a gathering (a place of category "event") that someone in the
        clause speaks at or takes part in: "Putin spoke at the Eastern Economic Forum", "addressed the Munich
        Security Conference"."""
        for a, b, m in self.places:
            if a <= pos < b:
                return getattr(m, "category", None) == "event" \
                    and _SPOKE_AT_I.search(self.text, max(self.body, a - 40), a) is not None
        return False

    def triggers(self, s_triggers) -> list[tuple[int, int, str]]:
        stext = self.text
        # (the searches below run on the lower-cased sentence where there is one: the same hits, faster)
        ltext, not_after, not_before = (stext, _NOT_EVENT_AFTER, _NOT_EVENT_BEFORE) if self.lowered is None \
            else (self.lowered, _NOT_EVENT_AFTER_LC, _NOT_EVENT_BEFORE_LC)
        found = []
        names = [(a, b) for a, b, _ in self.places + self.sources] + [(x.start, x.end) for x in self.actors] \
            + [(ta, tb) for _, ta, tb in self.timexes]
        for a, b, etype in s_triggers:
            a, b = a - self.s0, b - self.s0
            if a < self.body:
                continue
            named = False
            if _inside(names, a):
                if etype == "protest" and self._protesters_act(a, b, s_triggers):
                    named = True  # "demonstrators forced their way into parliament": the crowd's doing is a protest
                    self._crowd_at.add(a)
                elif not (etype in ("forum", "summit") and self._attended_by_name(a)):
                    continue  # a word inside a name or a date: "Eastern Economic Forum", "in March"
                else:
                    etype, named = "forum", True  # "spoke at the Eastern Economic Forum": the gathering attended
            if not named and stext[a].isupper() and a > self.body and not stext[self.body:a].strip(" \"'\u201c") == "" \
                    and not (self.s0 < self.ctx.dateline_end <= self.s0 + a
                             and stext[self.ctx.dateline_end - self.s0:a].strip(" \"'\u201c") == ""):
                # (the first word after a dateline opens the sentence: "RIYADH \u2014 Drone strikes ...")
                continue  # capitalised mid-sentence: part of a name ("Korean War", "Belt and Road Forum")
            if not_after.match(ltext[b:b + 25]) or (not_before.search(ltext[max(0, a - 25):a])
                                                    and not stext.endswith(("State ", "State's "), 0, a)):
                continue  # (but "Islamic State claimed responsibility": a name's last word, not state media)
            if etype == "protest" and _ARMED_BEFORE_I.search(stext, max(0, a - 20), a):
                # "his fighters' march on Moscow": armed men on the move, not a protest; "M23 rebels march into
                # Goma": they take it
                etype = "military action" if _INTO_I.match(stext, b) else "mobilization"
            if etype == "protest" and stext[a:b].lower().startswith("water") and _AT_VESSEL_I.match(stext, b):
                etype = "military action"  # "fired water cannon at a Philippine vessel": force at sea, no crowd
            if etype == "military action" and stext[a:a + 3].lower() in ("cro", "pou", "rol") \
                    and not _ARMED_NOUN_BEFORE_I.search(stext, max(self.body, a - 40), a):
                continue  # "refugees crossed into Poland": only armed men crossing a border invade
            if etype == "arrest" and _SEIZE_I.match(stext, a) and self._place_follows(b):
                etype = "military action"  # "Taliban fighters captured Zaranj": territory taken, not an arrest
            if etype == "visit" and stext[a:a + 5].lower() == "arriv" and _CIRCUMSTANCE.search(stext[max(0, a - 20):a]):
                continue
            if etype == "visit" and stext[a:a + 4].lower() in ("land", "arri") \
                    and _MUNITION_BEFORE_I.search(stext, max(self.clauses[self.clause_at[a]][0], a - 60), a):
                etype = "military action"  # "rockets carrying sarin landed on Zamalka": a strike, not a visit
            if etype == "visit" and _LIMITS_ON_I.search(stext, max(0, a - 40), a):
                continue  # "tightening limits on American travel to the island": what is limited, not a trip
            if etype == "visit" and stext[a:a + 3].lower() in ("fle", "tra", "fli") \
                    and _MUNITION_BEFORE_I.search(stext, max(self.clauses[self.clause_at[a]][0], a - 60), a):
                continue  # "the missile ... flew for about 53 minutes": a flight path, not a trip
            if etype == "protest" and stext[a:a + 4].lower() == "rall" and _AT_A_RALLY_I.search(stext, max(0, a - 30), a):
                continue  # "a suicide bomber blew himself up at a political rally": the rally is where, not what
            if etype == "meeting" and stext[a:a + 2].lower() == "me" and _MET_THING_I.match(stext, b):
                continue  # "if the Taliban meet their commitments": a condition fulfilled, not a meeting
            if etype == "military action" and _ENDED_BEFORE_I.search(stext, max(0, a - 45), a) \
                    and any(t == "agreement" and ta - self.s0 < a for ta, _, t in s_triggers):
                continue  # "sign a statement ending six weeks of fighting": what the deal ends, not an attack
            if etype == "military action" and _CITING_I.search(stext, max(0, a - 25), a):
                continue  # "withdrew from the runoff, citing attacks on his supporters": a reason given, not told here
            if etype == "talks" and stext[a:a + 4].lower() in ("spok", "spea", "talk") \
                    and any(sa - b <= 5 and sa > b for sa, _, _ in self.sources):
                continue  # "spoke with The Associated Press": an interview given, not talks held
            if etype == "phone call" and _SURVEILLED_I.search(stext, max(0, a - 45), a):
                continue  # "had intercepted her emails and phone calls": things listened to, not a call held
            if etype == "protest" and stext.endswith(("in ", "In "), 0, a) and _IN_PROTEST_AT_I.match(stext, b):
                continue  # "walked out in protest at the admission of ...": how it walked out, not a protest held
            if etype == "protest" and _ABOUT_I.search(stext, max(0, a - 40), a):
                continue  # "raised concerns about Sikh separatist protests": spoken of, not held here
            if _ANNIVERSARY_BEFORE.search(stext, max(0, a - 40), a):
                continue  # "the first anniversary of Russia's invasion": remembered, not happening now
            if etype == "military action" and _QUOTED_LABEL.search(stext, max(0, a - 25), a) \
                    and stext[a:a + 9].lower() != "invasion":
                continue  # 'what he called a "special military operation"': a name given, told by what it names
            if etype == "sanction" and (_SANCTIONS_UNDONE_BEFORE.search(stext, max(0, a - 45), a)
                                        or _SANCTIONS_UNDONE_AFTER.match(stext, b)):
                continue  # "asked for sanctions to be lifted", "breaches U.N. sanctions": no sanction imposed here
            if etype in _TOPICAL and _TOPIC.search(stext[max(0, a - 30):a]):
                continue  # a topic, not an event: "failed to agree on sanctions relief", "talks about aid"
            if (a > 0 and stext[a - 1] == "-") or stext[b:b + 1] == "-":
                continue  # part of a compound: "mutually-agreed line", "pro-Russia"
            if etype == "statement" and self.reporting[self.segment_at[a]]:
                continue  # "as reported by Reuters": the report, not an event
            if etype == "meeting" and stext[a:b].lower().startswith(("welcom", "receiv")) and _THING_AFTER.match(stext, b):
                if not stext[a:b].lower().startswith("welcom"):
                    continue
                etype = "statement"  # "the government welcomed the surrender": it said it approves
            found.append((a, b, etype))
        return found

    def events(self, s_triggers) -> list[Event]:
        found = self.triggers(s_triggers)
        if not found:
            return []
        self.all_triggers = found
        self._apart = self._apart_spans(found)
        self._trigger_spans = [(ta, tb, FAMILY[t], self.clause_at[ta]) for ta, tb, t in found]
        chosen: dict[tuple[int, int, str], tuple[int, int, str]] = {}
        strong: set[tuple] = set()  # the events told by at least one word that is not weak
        heads = {}  # "the drone strike that killed Soleimani": the relative clause's verb tells the noun's event
        for (ha, hb, ht), (a, _, etype) in zip(found, found[1:]):
            if FAMILY[ht] == FAMILY[etype] and _THAT_VERB_GAP_I.fullmatch(self.text, hb, a):
                heads[a] = heads.get(ha, ha)
        self._heads = heads
        for a, b, etype in found:
            # one event per clause and family: it stands where its first word stands (usually the verb,
            # which its date and roles hang on) and takes the most specific label ("met ... in a summit");
            # an adjunct told apart ("following meetings in 2000") is an event of its own
            # ("met on the sidelines of the G20 summit": the meeting and the summit are two events)
            at = heads.get(a, a)
            key = (self.clause_at[at], self._unit(at), FAMILY[etype], FAMILY[etype] == "meet" and self._during(at))
            best = chosen.get(key)
            if best is not None and best[2] == etype and self._listed_apart(best[0], best[1], a):
                # "after the Singapore summit last year and the Hanoi summit in February": two summits
                self._listed.update((best[0], a))
                key, best = key + (a,), None
            if best is None:
                chosen[key] = (a, b, etype)
            elif _SPECIFICITY.get(etype, 0) > _SPECIFICITY.get(best[2], 0):
                chosen[key] = (best[0], best[1], etype)
            if (etype not in _WEAK or (etype == "election" and _ELECT_VERB_I.fullmatch(self.text, a, b))) \
                    and not self.text.endswith("to ", 0, a):
                strong.add(key)  # ("lawmakers meeting in Mogadishu elect X as president": the vote is told)
        # (an event told by a strong word stays strong under a weak label: "met ..., their first talks"; but
        # not an infinitive: "had come to meet officials to discuss ..." is a purpose)
        strong_at = {chosen[key][0] for key in strong}
        # "hold their first formal bilateral talks": talks someone holds are what the clause tells
        strong_at.update(a for a, _, etype in chosen.values()
                         if etype == "talks" and _HELD_BEFORE_I.search(self.text, max(0, a - 70), a))
        # "protests over the disputed October 20 election": a weak noun with a date of its own is an event told
        strong_at.update(a for a, _, etype in chosen.values() if etype in _WEAK and any(
            0 <= a - tb <= 30 and _DATED_NOUN_GAP.fullmatch(self.text, tb, a) for _, _, tb in self.timexes))
        kept = sorted(chosen.values())
        triggers = self._unframe(kept)
        if len(triggers) < len(kept):
            # a framing verb dropped ("agreed an 11th package of sanctions") competes for no date or role
            dropped = {a for a, _, _ in kept} - {a for a, _, _ in triggers}
            self.all_triggers = [t for t in found if t[0] not in dropped]
            self._trigger_spans = [t for t in self._trigger_spans if t[0] not in dropped]
        # (a trigger in an adjunct, "during a rally", is not what the clause tells: "police arrested ... during a
        # rally" is an arrest)
        strong_clauses = {(self.clause_at[a], self._unit(a)) for a, _, t in triggers
                          if (t not in _WEAK or a in strong_at) and not self._during(a)}
        # "Putin did not attend the BRICS summit": the summit took place, his attendance did not
        self._absent = {}
        if self.may_deny:
            for a, b, etype in triggers:
                if etype == "forum" and _ATTEND_I.match(self.text, a) and self._denied_before(a):
                    held = next((t for t in triggers if t[2] in ("summit", "meeting", "talks", "forum")
                                 and 0 < t[0] - b <= 40), None)
                    subject = self._subject(a, self.clause_at[a])
                    if held is not None and subject is not None:
                        # ("Putin and Xi did not attend": both of them)
                        c_lo = self.clauses[self.clause_at[a]][0]
                        self._absent[held[0]] = {x.name for x in self.agents if c_lo <= x.start and x.end <= a}
                        strong_at.add(a)
        out = []
        for a, b, etype in triggers:
            if etype in _WEAK and a not in strong_at and (self.clause_at[a], self._unit(a)) in strong_clauses:
                # a weak word beside a strong one is usually its complement ("met ... to discuss"),
                # except a statement by a named actor ("the Kremlin confirmed the visit")
                if etype != "statement" and not (etype == "demand" and _AND_DEMANDS_I.search(self.text, max(0, a - 5), a)
                                                 and _DEMAND_VERB_I.match(self.text, a)):
                    # ("recalls its ambassador and demands that Lithuania withdraw its own": a second predicate)
                    continue
                subject = self._subject(a, self.clause_at[a])
                if subject is None or (subject.category == "group" and not _CLAIM_I.match(self.text, a)):
                    continue  # (a group's word counts when it claims an attack: "Islamic State claimed ...")
            if (etype not in _SPEECH_ACTS or _SPOKEN_NOUN_I.fullmatch(self.text, a, b)) and any(
                    t[2] in _SPEECH_ACTS and 0 <= a - t[1] <= 30 and _OBJECT_GAP.fullmatch(self.text, t[1], a)
                    and _SPEECH_VERB_I.match(self.text, t[0]) for t in triggers):
                continue  # "China denounced the deal": the deal is what is spoken of, told before or known
            if etype not in _SPEECH_ACTS and self.may_call and _CALLED_ON_TO_I.search(self.text, max(self.body, a - 90), a):
                continue  # "called on all states not to use force to seize territory": asked for, not done
            if etype in _TOPICAL and (_DEMANDED_I.search(self.text, max(self.body, a - 40), a)
                                      or _DEMANDED_LIST_I.search(self.text, max(self.body, a - 110), a)
                                      or _DEMANDED_THAT_I.search(self.text, max(self.body, a - 90), a)):
                # ("demanding that President Omar al-Bashir step down": asked for, not done)
                continue  # "protesters demanding a deal": what is demanded has not happened (its date still counts)
            if FAMILY[etype] == "meet" and _WERE_ING_I.search(self.text, max(0, a - 6), a) \
                    and _CIRCUMSTANCE_I.search(self.text, max(0, a - 120), a):
                continue  # "stormed the building, where elders were meeting": what was going on there, not news
            if etype == "statement" and _WHO_SAYS_I.search(self.text, max(0, a - 8), a) \
                    and _SAY_VERB_I.match(self.text, a):
                continue  # "Tsikhanouskaya, who says she won the vote, left Belarus": who she is, not news told
            event = self._build(a, b, etype)
            if event is not None:
                out.append((a, event))
        return self._fold_reported(out)

    def _apart_spans(self, found) -> list[tuple[int, int, object]]:
        """The adjuncts of time that name an event apart from the one they hang on, as (start, end, the
        duration before them or None): "the third summit, following meetings in Pyongyang in 2000 and 2007",
        "came two months after his summit with Trump ended in Hanoi in February". The adjunct must hold a date
        after its event word, and something must say that its time is not that of the main event: a duration
        before it, a date of the main event's own, an ordinal on the main event, or a verb of its own."""
        if self.lowered is not None:
            if not _holds(self.lowered, _APART_WORDS):
                return []
            ltext, apart, ordinal, own_verb = self.lowered, _APART, _ORDINAL, _OWN_VERB
        else:
            ltext, apart, ordinal, own_verb = self.text, _APART_I, _ORDINAL_I, _OWN_VERB_I
        spans: list[tuple[int, int, object]] = []
        for a, b, _ in found:
            if spans and spans[-1][0] <= a < spans[-1][1]:
                continue
            m = apart.search(ltext, max(0, a - 75), a)
            if m is None:
                continue
            lo, ci = m.start(), self.clause_at[a]
            if self.clause_at[lo] != ci or any(lo <= ta < a for _, ta, _ in self.timexes):
                continue
            hi = min(self.clauses[ci][1], self.segments[self.segment_at[a]][1])
            if ci + 1 < len(self.clauses) and self.clauses[ci + 1][0] == hi and _THAT_AT_I.match(self.text, hi):
                # "in retaliation for the drone strike that killed Soleimani on Friday": the adjunct's noun goes
                # on in its relative clause
                hi = min(self.clauses[ci + 1][1], self.segments[self.segment_at[hi + 1]][1])
            mains = [ta for ta, _, _ in found if ta < lo]  # (the main event may stand before a comma)
            duration = next((t for t in self.ctx.durations if self.body <= t.start - self.s0
                             and 0 <= lo - (t.end - self.s0) <= 2), None)
            # (a duration measures from the main event, dated by the report if the sentence names no date)
            main_dated = self._main_date(lo, report=duration is not None) is not None
            if not any(b <= ta and tb <= hi for _, ta, tb in self.timexes) and (duration is None or not main_dated):
                # no date of its own: it shares the main event's ("met after arriving on Monday"), unless
                # a duration says how far apart they are ("on Monday, a week after ministers met")
                continue
            ranked = bool(mains) and ordinal.search(ltext, max(0, mains[-1] - 25), lo) is not None
            # (what went on "since" an event is later than it; what "follows" or "preceded" one is at another time)
            since = ltext.startswith(("since", "follows", "followed", "preced"), lo)
            if duration is not None or main_dated or ranked or since or own_verb.search(ltext, b, hi):
                spans.append((lo, hi, duration))
        return spans

    def _fronted_place(self):
        """The place of a locative phrase that opens the sentence ("At the World Economic Forum in Davos, ...",
        "In Kabul, ..."): where all its events are, unless they name their own. The most specific place of the
        phrase; None when there is no such phrase."""
        if self._fronted is False:
            self._fronted = None
            m = _FRONTED_I.match(self.text, self.body)
            if m is not None:
                inside = [p[2] for p in self.places if m.start() <= p[0] and p[1] <= m.end()
                          and p[2].category in ("city", "venue", "event", "region")]
                if inside:
                    self._fronted = min(inside, key=lambda x: _PLACE_RANK.get(x.category, 9))
        return self._fronted

    def _denied_before(self, a: int) -> bool:
        """Whether a negation stands right before the word at ``a`` ("did not attend")."""
        lo = max(self.clauses[self.clause_at[a]][0], a - 30)
        if self.lowered is not None:
            return _DENIED_LC.search(self.lowered[lo:a]) is not None
        return _DENIED.search(self.text[lo:a]) is not None

    def _place_follows(self, b: int) -> bool:
        """Whether a town, city or region is named right after ``b`` ("captured Zaranj", "seized the town of Shasha")."""
        return any(0 <= pa - b <= 25 and _PLACE_OBJECT.fullmatch(self.text, b, pa) and m.category in ("city", "region")
                   for pa, _, m in self.places)

    def _during(self, a: int) -> bool:
        """Whether the trigger at ``a`` stands in an adjunct "during/amid/on the sidelines of ...", or is what
        someone was covering or watching ("arrested two journalists covering a protest")."""
        if self.may_cover and _COVERING_I.search(self.text, max(0, a - 25), a):
            return True
        return self._adjuncts()[a]

    def _adjuncts(self) -> dict[int, bool]:
        """Trigger start -> whether it stands in an adjunct ("during Putin's visit"), worked out once."""
        if self._in_adjunct is None:
            starts = [ta for ta, _, _ in self.all_triggers]
            if self.lowered is None:
                self._in_adjunct = {ta: bool(_ADJUNCT.search(self.text[max(0, ta - 45):ta])) for ta in starts}
            elif _holds(self.lowered, _ADJUNCT_WORDS):
                self._in_adjunct = {ta: bool(_ADJUNCT_LC.search(self.lowered[max(0, ta - 45):ta])) for ta in starts}
            else:
                self._in_adjunct = dict.fromkeys(starts, False)
        return self._in_adjunct

    def _listed_apart(self, start: int, end: int, a: int) -> bool:
        """Whether the noun at ``a`` names another event of the same type as the noun at [start, end), listed
        after it with a date between them: "the Singapore summit last year and the Hanoi summit"."""
        stext = self.text
        return any(end <= ta and tb <= a for _, ta, tb in self.timexes) \
            and _LISTED_I.search(stext, max(end, a - 40), a) is not None \
            and not _VERB_FORM_I.match(stext, start) and not _VERB_FORM_I.match(stext, a)

    def _days_long(self, ci: int) -> int | None:
        """How many days a visit or meeting of the clause lasts, when it says ("a two-day visit", "a three-day
        state visit"), else None."""
        lo, hi = self.clauses[ci]
        for t in self.ctx.durations:
            ta, tb = t.start - self.s0, t.end - self.s0
            if lo <= ta and tb <= hi and t.text.endswith("-day"):
                m = _PERIOD.fullmatch(t.value)
                if m and m.group(2) == "D" and 1 < int(m.group(1)) <= 14 and _LASTING_I.match(self.text, tb):
                    return int(m.group(1))
        return None

    def _unit(self, pos: int) -> int:
        """The index of the adjunct told apart that holds ``pos``, else -1 (the sentence's main events)."""
        for i, (lo, hi, _) in enumerate(self._apart):
            if lo <= pos < hi:
                return i
        return -1

    def _main_date(self, lo: int, report: bool = False):
        """The last date before ``lo`` that is not in an adjunct told apart nor after "since": the main event's.
        With ``report``, a sentence that names none and goes on from no earlier date ("Crowds storm the
        Congress, a week after Lula took office") is at the report's date."""
        dated = [t for t, ta, tb in reversed(self.timexes) if tb <= lo and t.date_start is not None
                 and t.date_end is not None and t.precision and not any(x <= ta < y for x, y, _ in self._apart)
                 and not _SINCE_BEFORE.search(self.text[max(0, ta - 8):ta])]
        # ("signed a decree on Friday barring flights from July 8, a day after ...": when something takes effect
        # is not when the main event was)
        told = next((t for t in dated if not _TAKES_EFFECT_BEFORE_I.search(self.text, max(0, t.start - self.s0 - 12),
                                                                              t.start - self.s0)),
                    dated[0] if dated else None)
        if told is None and report and self.ctx.report_date is not None and self.ctx.last_dated is None \
                and not any(ta < lo for _, ta, _ in self.timexes) and not (_PAST_NARRATIVE.search(self.text, 0, lo) and not _PERFECT.search(self.text, 0, lo)):
            day = self.ctx.report_date
            return _ReportDay(day, day, "day", "", self.s0 + lo, self.s0 + lo)
        return told

    def _adjunct_date(self, a: int):
        """ "The visit came two months after his summit with Trump ended in February": an event with no date of
        its own, before an adjunct "<duration> after/before <event> <date>" in its clause, is at that date moved
        by the duration; and the other way round, "sanctions on Monday, a week after ministers met": the event
        of the adjunct is at the main event's date moved back. Returns (start, end, precision, date text,
        [span start, span end]) or None."""
        ci = self.clause_at[a]
        for lo, hi, duration in self._apart:
            if duration is not None and lo <= a < hi:
                m = _PERIOD.fullmatch(duration.value)
                main = self._main_date(lo, report=True)
                if m is None or main is None:
                    return None
                n, unit = int(m.group(1)), m.group(2)
                word = _APART_WORD.match(self.text, lo).group().lower()
                later = word in ("before", "ahead of", "prior to", "precedes", "preceded")
                start, end = _moved(main.date_start, main.date_end, n if later else -n, unit)
                precision = main.precision
                if unit in "YM" and precision in ("day", "week", "month") and not (unit == "M" and precision == "month"):
                    # "seven years after" says the year, not the day: the whole year (or month) it falls in
                    precision = "year" if unit == "Y" else "month"
                    start = dt.date(start.year, 1 if unit == "Y" else start.month, 1)
                    end = dt.date(start.year, 12, 31) if unit == "Y" else _moved(start, start, 1, "M")[0] - dt.timedelta(days=1)
                da, db = min(duration.start, main.start) - self.s0, max(duration.end, main.end) - self.s0
                return start, end, precision, f"{duration.text} {'after' if later else 'before'} {main.text}".strip(), \
                    [da, db]
            if duration is None or a >= lo or self.clause_at[lo] != ci:
                continue
            m = _PERIOD.fullmatch(duration.value)
            bg = next((t for t, ta, tb in self.timexes if lo <= ta and tb <= hi and t.date_start is not None
                       and t.date_end is not None and t.precision), None)
            if m is None or bg is None:
                return None
            n, unit = int(m.group(1)), m.group(2)
            word = _APART_WORD.match(self.text, lo)
            if word.group().lower() in ("before", "ahead of", "prior to"):
                n = -n
            start, end = _moved(bg.date_start, bg.date_end, n, unit)
            da, db = duration.start - self.s0, bg.end - self.s0
            return start, end, bg.precision, f"{self.text[da:word.end()]} {bg.text}", [da, db]
        return None

    def _unframe(self, triggers):
        """ "adopted a package of sanctions", "agreed to impose sanctions": the framing verb names the
        decision, the noun after it names the event; keep the event, at the verb's place."""
        out = []
        for i, (a, b, etype) in enumerate(triggers):
            if etype in ("meeting", "talks") and any(
                    t[2] == "agreement" and self.clause_at[t[0]] == self.clause_at[a]
                    and _AND_THEN.search(self.text, b, t[0]) for t in triggers[i + 1:]):
                continue  # "ministers meet in Brussels and reach agreement": the agreement is the news
            if i and any(_BREAKDOWN_I.match(self.text, t[0]) and _OF_EVENT_I.fullmatch(self.text, t[1], a)
                         for t in triggers[:i]):
                continue  # "the collapse of the grain deal": the breakdown is the news, the deal its object
            if etype == "agreement" and _RESOLUTION_I.match(self.text, a) and any(
                    t[2] in ("demand", "criticism", "rejection") and 0 <= t[0] - b <= 25 for t in triggers[i + 1:]):
                continue  # "adopts a resolution demanding that Russia withdraw": the demand is the news
            if etype == "agreement":
                framed = next((t for t in triggers[i + 1:] if t[2] in _FRAMED and 0 <= t[0] - b <= 60
                               and self.clause_at[t[0]] == self.clause_at[a]), None)
                if framed is not None:
                    continue
            out.append((a, b, etype))
        return out

    def _fold_reported(self, events: list[tuple[int, Event]]) -> list[Event]:
        """ "Putin confirms that Russia is providing military aid": one statement, whose actors include
        those of what it reports. A reported event with a date of its own ("killed ... on August 21")
        or one that is announced for later stays an event of its own. ``events``: (trigger start, event)."""
        hosts = [e for _, e in events if e.event_type in ("visit", "summit", "meeting", "talks")]
        if hosts:  # "the visit, at the invitation of Putin": who invited is part of the visit
            kept = []
            for start, e in events:
                if e.event_type == "invitation" and e.trigger.lower().startswith("invitation"):
                    host = hosts[0]
                    host.actors = "; ".join(dict.fromkeys(_names(host) + _names(e))) or None
                    if host.actor2 is None and e.actor1 and e.actor1 != host.actor1:
                        host.actor2, host.actor2_country = e.actor1, e.actor1_country
                    continue
                kept.append((start, e))
            events = kept
        speech = [(start, e) for start, e in events if e.event_type in _SPEECH_ACTS]
        if not speech:
            return [e for _, e in events]
        kept = []
        for start, e in events:
            host = None
            if e.event_type not in _SPEECH_ACTS and not _has_span(e, "date") and e.status != "planned" \
                    and e.event_type not in _SHOWN \
                    and not (e.event_type in ("military action", "arrest") and _PAST_VERB_I.match(e.trigger)):
                # ("announces live-fire drills": the drills are the news; so is "said it had captured Lashio")
                host = next((s for s_start, s in reversed(speech) if s_start < start
                             and not _CONSEQUENCE_I.search(self.text, s_start, start)
                             and not _AND_NEW_SUBJECT_I.search(self.text, s_start, start + 30)), None)
                # (", and hours later he endorsed a peace plan": a new clause with its own subject is told, not said)
                # (", prompting thousands to gather outside parliament": what the words caused, not what they said)
            if host is None:
                kept.append(e)
                continue
            self.ctx.folded[id(e)] = e
            host.actors = "; ".join(dict.fromkeys(_names(host) + _names(e))) or None
            if host.actor2 is None and e.actor1 and e.actor1 != host.actor1:
                host.actor2, host.actor2_country = e.actor1, e.actor1_country
        return kept

    # ------------------------------------------------------------- roles
    def _after_clause(self, a: int, pa: int) -> bool:
        """Whether ``pa`` stands in an "after ..." clause with a verb of its own, after the word at ``a``."""
        m = _AFTER_PHRASE.search(self.text, max(a, pa - 150), pa)
        return m is not None and _OWN_VERB_I.search(self.text, m.end(1), pa) is not None

    def _told_inside(self, told, a: int) -> bool:
        """Whether ``told`` is an event of a relative clause inserted before the word at ``a`` in this sentence
        ("Putin, who met Xi on Monday, said ...": the meeting's date is not the saying's)."""
        at = self._built_at.get(id(told))
        inserted = self._inserted_relative(a) if at is not None else None
        return inserted is not None and inserted[0] <= at < inserted[1]

    def _reacts(self, etype, actor1, told) -> bool:
        """Whether a speech act is another state's reaction to what was just told, news of the report's day
        rather than of the day the story told ("... under house arrest on Sunday night. Pakistan condemned the
        move"): a state that is no party to it, in a report dated after it."""
        report = self.ctx.report_date
        return etype in _SPEECH_ACTS and actor1 is not None and actor1.category in ("state", "government") \
            and report is not None and told.date_end is not None \
            and told.date_end < report and actor1.name not in _names(told) \
            and not (actor1.country and actor1.country in (told.actor1_country, told.actor2_country, told.country))

    def _passive_subject(self, a, ci):
        """Who a passive verb is done to: the clause's subject, unless that is a speaker whose words name a
        thing instead ("Amina Yusuf said the clinic was attacked": the clinic, not her)."""
        near = next((x for x in reversed(self.agents) if x.end <= a and not x.rep
                     and _PASSIVE_GAP_I.fullmatch(self.text, x.end, a)), None)
        if near is not None:
            return near  # "Amina Yusuf said Kenya was attacked": Kenya
        subject = self._subject(a, ci)
        if subject is not None and _SAID_THING_I.search(self.text, subject.end, a):
            return None
        return subject

    def _blamed_for(self, a):
        """The one blamed or accused for the event word at ``a`` ("the government blamed X for the attacks"), or
        None."""
        if not ("blam" in self.text or "accus" in self.text):
            return None
        m = _BLAMED_FOR_I.search(self.text, self.clauses[self.clause_at[a]][0], a)
        if m is None:
            return None
        return next((x for x in self.agents if m.start("who") <= x.start and x.end <= m.end("who")), None)

    def _speaks_before(self, x, a) -> bool:
        """Whether actor x, before the trigger at a, is the speaker of words the trigger is in: "Amina Yusuf said
        the clinic was attacked" (she told of the attack; she is no party to it)."""
        return x.end <= a and _SPEAKER_GAP_I.match(self.text, x.end, a) is not None

    def _subject(self, a, ci):
        """The acting actor of a clause: its first actor not inside a prepositional phrase."""
        c_lo = self.clauses[ci][0]
        if ci > 0 and _WHO_CLAUSE_I.match(self.text, c_lo):
            back = self.text.rfind(",", c_lo + 1, a)
            if back > 0 and _BLANK.fullmatch(self.text, back + 1, a):
                # "The Prime Minister, who is chairing the G20 sessions, congratulated ...": past the relative
                # clause the main clause goes on, with the subject before it
                head = [x for x in self.agents if 0 <= c_lo - x.end <= 1 and not x.rep]
                if head:
                    return head[-1]
            if _AND_FINITE_I.match(self.text, max(c_lo, a - 8), a) and _FINITE_AT_I.match(self.text, a):
                # "Jammeh rejects the outcome of the election, which he had conceded to Adama Barrow, and calls for
                # a new vote": ", and" with a verb of the main clause's tense ends the relative clause
                return self._subject(c_lo, ci - 1)
        pool = [x for x in self.agents if c_lo <= x.start and x.end <= a and not x.rep]
        if pool and self.text.endswith(", ", 0, a) and pool[-1].end == a - 2 \
                and (self.text[a:a + 20].split(" ")[0].endswith("ing")
                     or (pool[-1].category == "person" and len(pool) > 1 and pool[0].category != "person")):
            # "Vladimir Putin, speaking to him by phone": the participle's subject is the one before it; "The
            # presidents of Bosnia, Serbia and Croatia, Alija Izetbegovic, ... and Franjo Tudjman, initial": the
            # people in apposition act
            return pool[-1]
        if not pool and ci > 0 and _RELATIVE.match(self.text, c_lo):
            pronoun = _CLAUSE_PRONOUN_I.match(self.text, c_lo) if self.may_pronoun else None
            if pronoun is not None:
                # ", as he held talks with Xi": he is the person the sentence is about, not the actor before "as"
                person = next((x for x in self.agents if x.end <= c_lo and x.category == "person" and not x.rep), None)
                if person is not None:
                    return person
            # a relative clause acts through what it hangs on: the actor right before it ("weapons to Russia,
            # which began its invasion"), else the sentence's subject ("a summit in 2019, which came after ...")
            head = [x for x in self.actors if 0 <= c_lo - x.end <= 1]
            if head:
                return head[-1]
            pool = [x for x in self.agents if x.end <= self.clauses[0][1] and not x.rep]
        if not pool:
            return None
        if _BLANK.fullmatch(self.text[pool[-1].end:a]):
            return pool[-1]  # right before the verb: "North Korea providing weapons", "Putin met"
        free = next((x for x in pool if self.text[x.end:x.end + 2] not in ("'s", "\u2019s")
                     and not self._cue_before(_PREP_BEFORE, x.start, 16)), None)
        return free if free is not None else pool[-1]

    def _roles(self, a, b, etype, ci):
        stext = self.text
        if a in self._crowd_at:  # the crowd protests, whoever else the clause names
            crowd = next((x for x in self.actors if x.start <= a < x.end), None)
            if crowd is not None:
                return crowd, None
        if etype in ("summit", "forum") and self._during(a):
            # "talks on the sidelines of the BRICS summit": the summit is the body's, not the talks' parties'
            body = next((x for x in self.actors if x.category == "organisation" and 0 <= a - x.end <= 2), None)
            if body is not None:
                return body, None
        ltext, target, prevented = (stext, _PROTEST_TARGET, _PREVENTED) if self.lowered is None \
            else (self.lowered, _PROTEST_TARGET_LC, _PREVENTED_LC)
        blamed = self._blamed_for(a)
        if blamed is not None:
            return blamed, None  # "blamed a little-known group, National Thowheed Jamath, for the attacks": it made them
        cand = self.agents
        if self._apart:
            # who acts in an adjunct told apart acts in that other event ("their first summit" in one is the main
            # clause's parties, not those of another adjunct)
            unit = self._unit(a)
            units = (unit, -1) if _THEIR_I.search(stext, max(0, a - 30), a) else (unit,)
            cand = [x for x in cand if self._unit(x.start) in units]
        before = [x for x in cand if x.end <= a]
        after = [x for x in cand if x.start >= b and x.ci == ci
                 and not x.rep and not self._belongs_elsewhere(x, a, b, possessor=False)
                 and not (etype == "protest" and target.search(ltext, b, x.start))
                 and not (self.may_prevent and prevented.search(ltext, b, x.start))
                 and not self._topic_state(etype, b, x)]
        actor1 = actor2 = None
        poss = [x for x in before if stext[x.end:a].strip() in ("'s", "\u2019s", "s'", "\u2019")
                or (etype == "military action" and x.category == "state" and stext[x.end:a] == " ")]
        # ("Israeli airstrikes", "a U.S. drone strike": the state named before an attack makes it)
        agent_after, of_after = (_AGENT_AFTER, _OF_AFTER) if self.lowered is None else (_AGENT_AFTER_LC, _OF_AFTER_LC)
        agent = next((x for x in after if agent_after.match(ltext[b:x.start])), None)
        of_x = next((x for x in after if of_after.match(ltext[b:x.start])), None)
        if poss:  # "Russia's invasion of Ukraine"
            actor1, actor2 = poss[-1], of_x
        elif agent is not None and self._cue_before(_PASSIVE_AUX, a, 12):
            actor1 = agent  # "Ukraine was invaded by Russia"
            actor2 = self._passive_subject(a, ci)
        elif etype in _DONE_TO and self._cue_before(_PASSIVE_AUX, a, 12):
            actor2 = self._passive_subject(a, ci)  # "a car of a town councillor was set on fire": done to it
        elif agent is not None or (etype in _NOMINAL_AGENT_OF and of_x is not None):
            actor1 = agent or of_x  # "an invitation from Putin", "at the invitation of Putin"
            subject = self._subject(a, ci)
            if subject is None:
                after_all = [x for x in cand if x.start > actor1.end and x.ci == ci]
                subject = after_all[0] if after_all else None
            actor2 = subject if subject is not actor1 else None
        elif self._adjunct_protest(a, b, etype):
            # "reopens its embassy after violent protests": the clause's subject did not protest
            actor2 = of_x
        else:
            actor1 = self._subject(a, ci)
            if actor1 is not None:
                # "Kim and Putin met": the first of a coordinated subject acts, the next is the partner
                # (a comma alone is an apposition: "Putin, the Chairman ..., Kim Jong Un" is not a pair)
                prev = next((x for x in reversed(before) if x.end <= actor1.start
                             and _AND_GAP.fullmatch(stext[x.end:actor1.start])), None)
                nxt = next((x for x in before if x.start > actor1.end
                            and _AND_GAP.fullmatch(stext[actor1.end:x.start])), None)
                if prev is not None:
                    actor1, actor2 = prev, actor1
                elif nxt is not None:
                    actor2 = nxt
            if (actor1 is None or actor2 is None) and "between" in stext and _BETWEEN_AFTER.match(stext[b:b + 40]):
                pair = [x for x in after if x.start - b < 90][:2]
                if actor1 is None and pair:
                    actor1, pair = pair[0], pair[1:]
                if actor2 is None and pair:
                    actor2 = pair[0]
            if actor2 is None:
                actor2 = next((x for x in after if x is not actor1), None)
        if actor1 is None:
            # "the two leaders met": the last two people (or states) the article named
            pair = _PAIR.search(stext, self.clauses[ci][0], a)
            if pair:
                pool = self.ctx.states if _COLLECTIVE.search(pair.group(0)) else self.ctx.people
                if len(pool) >= 2:
                    (n1, c1), (n2, c2) = self.ctx.pair(pool)
                    actor1 = _Actor(pair.start(), pair.end(), n1, c1, "person")
                    actor2 = actor2 or _Actor(pair.start(), pair.end(), n2, c2, "person")
        if self._apart:
            # the parties of the main clause are not those of an adjunct told apart ("their first summit" are)
            unit = self._unit(a)
            units = (unit, -1) if _THEIR_I.search(stext, max(0, a - 30), a) else (unit,)
            actor1, actor2 = (x if x is None or x.start < 0 or self._unit(x.start) in units else None
                              for x in (actor1, actor2))
        if actor1 is None and self.may_pronoun and _THEIR_I.search(stext, max(0, a - 30), a):
            told = self.ctx.last_dated  # "It was their first trip ...": the parties of what was just told
            if told is not None and told.actor1 and told.actor2 and told.sentence_start != self.s0:
                actor1 = _Actor(-1, -1, told.actor1, told.actor1_country, "person")
                actor2 = actor2 or _Actor(-1, -1, told.actor2, told.actor2_country, "person")
        if actor1 is None and self.may_pronoun:
            pronoun = _PRONOUN_SUBJECT_I.search(stext, max(0, a - 30), a)
            if pronoun is None:
                # "that he has assumed executive authority and dismissed the prime minister": the subject of the
                # first of two coordinated verbs is the second's
                lead = _PRONOUN_LEAD_I.match(stext, self.clauses[ci][0])
                if lead is not None and lead.end() < a and stext.endswith(" and ", 0, a) \
                        and _PAST_VERB_I.match(stext, a) and " to " not in stext[lead.end():a] \
                        and not any(lead.end() <= x.start < a for x in self.actors):
                    pronoun = lead
            if pronoun is not None:
                # "Iran denied that it had supplied missiles": the pronoun is the one who speaks before it
                kinds = ("person",) if pronoun.group(1).lower() in ("he", "she") else \
                    ("state", "government", "organisation", "group") if pronoun.group(1).lower() == "it" else None
                actor1 = next((x for x in self.agents if x.end <= pronoun.start() and x is not actor2
                               and (kinds is None or x.category in kinds)), None)
                told = self.ctx.last_dated
                if actor1 is None and kinds is None and told is not None and told.actor1 and told.actor2 \
                        and told.sentence_start != self.s0:
                    # "Biden and Xi met in Bali. They agreed to ...": they are the parties of what was just told
                    actor1 = _Actor(-1, -1, told.actor1, told.actor1_country, "person")
                    actor2 = actor2 or _Actor(-1, -1, told.actor2, told.actor2_country, "person")
        which = _WHICH_BEFORE.search(stext, max(0, a - 40), a) if "which" in stext else None
        if which is not None and (actor1 is None or actor1.end <= which.start()):
            # "warnings from Beijing, which announces live-fire drills": who "which" stands for does it
            named = next((x for x in self.actors if x.end == which.start()), None)
            place = next((p for p in self.places if p[1] == which.start()), None)
            if named is not None:
                actor1, actor2 = named, (actor2 if actor2 is not named else None)
            elif place is not None and _is_capital(place[2]):
                home = geo.countries().get(place[2].country)
                actor1 = _Actor(place[0], place[1], home["name"], place[2].country, "state", place[2])
        if actor1 is None and self.may_pronoun and _HIS_I.search(stext, max(0, a - 30), a):
            # "after his second summit with Trump": the person the sentence is about, else the one last named
            own = next((x for x in self.agents if x.category == "person" and x.end <= a and x is not actor2), None)
            if own is not None:
                actor1 = own
            elif self.ctx.people and (actor2 is None or self.ctx.people[-1][0] != actor2.name):
                actor1 = _Actor(-1, -1, *self.ctx.people[-1], "person")
        if actor1 is not None and actor2 is None and FAMILY[etype] in ("meet", "call") and self.may_pronoun \
                and _OBJECT_PRONOUN_I.match(stext, a, min(len(stext), b + 12)):
            # "Putin, speaking to him by phone": the person told of before, other than the one who acts
            other = next((x for x in reversed(self.agents) if x.category == "person" and x.end <= a
                          and x.name != actor1.name), None)
            if other is not None:
                actor2 = other
            else:
                named = next((p for p in reversed(self.ctx.people) if p[0] != actor1.name), None)
                if named is not None:
                    actor2 = _Actor(-1, -1, named[0], named[1], "person")
        if actor1 is None and actor2 is not None and etype in ("statement", "criticism") \
                and actor2.start - b > 3:
            actor2 = None  # a speaker stands before the verb ("X said") or right after it ("said X")
        if actor1 is None and actor2 is not None and etype in ("statement", "visit", "criticism", "protest"):
            actor1, actor2 = actor2, None
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None
        return actor1, actor2

    def _belongs_elsewhere(self, x, a, b, possessor=True) -> bool:
        """Whether actor x is a role of another event in the sentence: "ahead of next week's visit by Pope
        Francis", "Russia's invasion", "students detained by police forces"."""
        stext = self.text
        ltext, own_role_after = (stext, _OWN_ROLE_AFTER) if self.lowered is None else (self.lowered, _OWN_ROLE_AFTER_LC)
        for ta, tb, other in self.all_triggers:
            if (ta, tb) == (a, b):
                continue
            if x.start >= tb and x.start - tb <= 30 and own_role_after.match(ltext[tb:x.start]):
                return True
            if possessor and x.end <= ta and stext[x.end:ta].strip() in ("'s", "\u2019s", "s'", "\u2019"):
                return True
            if other == "military action" and x.category == "state" and x.end == ta - 1 and stext[x.end] == " " \
                    and x.start > b and _ADJUNCT_OPENER_I.search(stext, b, x.start):
                # "protests erupted after a US drone strike killed a general": the strike is the state's (but
                # "condemned the US strike": who struck is who is condemned)
                return True
        agent = None
        if x.start > b:
            lo = max(0, x.start - 30)
            if self.lowered is None:
                agent = _OTHER_AGENT.search(stext, lo, x.start)
            elif self.lowered.find("by", lo, x.start) >= 0:  # (every match holds "by")
                agent = _OTHER_AGENT_LC.search(self.lowered, lo, x.start)
        # the agent of another event's verb ("students detained by police"), not of any verb ("IEDs planted by
        # Maoists", whose planters take part in the search that found them)
        return agent is not None and any(ta <= agent.start() < tb and (ta, tb) != (a, b)
                                         for ta, tb, _ in self.all_triggers)

    def _adjunct_protest(self, a, b, etype) -> bool:
        return etype == "protest" and bool(_ADJUNCT_NOUN.search(self.text, max(0, a - 40), a)) \
            and not self.text[a:b].lower().endswith("ing")

    def _own_roles(self, a, b) -> bool:
        """Whether a nominal trigger names its own participants: "Russia's invasion", "a visit by Kim"."""
        stext = self.text
        for x in self.actors:
            if x.end <= a and stext[x.end:a].strip() in ("'s", "\u2019s", "s'", "\u2019"):
                return True
            if x.start >= b and _ROLE_PREP.match(stext[b:x.start]):
                return True
            if x.start >= b and _PASSIVE_BY.match(stext[b:x.start]):
                return True  # "the protest was initiated by X"
        return False

    # -------------------------------------------------------------- date
    def _past_narrative(self) -> bool:
        """Whether the sentence tells the past in the past tense ("was", "arrested"), not the perfect."""
        if self._past_tense is None:
            if self.lowered is not None:
                self._past_tense = bool(_PAST_NARRATIVE_LC.search(self.lowered)) \
                    and not _PERFECT_LC.search(self.lowered)
            else:
                self._past_tense = bool(_PAST_NARRATIVE.search(self.text)) and not _PERFECT.search(self.text)
        return self._past_tense

    def _relative_end(self, a: int) -> int:
        """Where a relative clause inserted between a subject and its verb ends, for the word at ``a`` inside it
        ("Maduro, who was sworn in on Jan. 10, hit back ...": the comma before "hit"); else the text's end."""
        ci = self.clause_at[a]
        c_lo, c_hi = self.clauses[ci]
        if ci > 0 and _WHO_CLAUSE_I.match(self.text, c_lo):
            for m in _COMMA_I.finditer(self.text, a, c_hi):
                if _RESUMED_I.match(self.text, m.start()):
                    return m.start()
        return len(self.text)

    def _inserted_relative(self, a: int):
        """(start, end) of a relative clause inserted between a subject and its verb, when the word at ``a``
        stands after it ("Maduro, who was sworn in on Jan. 10, hit back by severing ties"), else None."""
        ci = self.clause_at[a]
        c_lo = self.clauses[ci][0]
        if ci > 0 and _WHO_CLAUSE_I.match(self.text, c_lo):
            back = self.text.rfind(",", c_lo + 1, a)
            if back > 0 and _RESUMED_I.match(self.text, back):
                return c_lo, back
        return None

    def _own_timexes(self, a, b, etype):
        """The time expressions that date the trigger at [a, b): those nearer to it than to any other trigger."""
        # ("the Hanoi summit in February, which ended without agreement": the clause tells of that event)
        when = _WHEN_AFTER_DATE.search(self.text, max(0, a - 80), a) \
            if "when" in self.text or "where" in self.text or "which" in self.text else None
        if when is not None:
            dated = next((u for u in self.timexes if u[2] == when.start()), None)
            if dated is not None:
                return [(dated[0], dated[1], dated[2], 0)]
        # "the results of the 2019 election on Monday": a date before the noun, modifying it, is the event's
        modifier = next((u for u in self.timexes if a - 30 <= u[2] <= a and self._modifies(u[2], a)
                         and self._determined(u[1], u[2])), None)
        if modifier is not None:
            return [(modifier[0], modifier[1], modifier[2], 0)]
        ci = self.clause_at[a]
        c_lo = self.clauses[ci][0]
        if ci > 0 and _IN_WHICH_I.match(self.text, c_lo):
            # "last year's contested elections, in which dozens were killed": what went on in that event is at
            # its time
            head = next((t for t in reversed(self.all_triggers) if t[1] <= c_lo and c_lo - t[1] <= 3), None)
            dated = [u for u in self.timexes if head is not None and u[2] <= head[0] and head[0] - u[2] <= 40
                     and self._determined(u[1], u[2])] if head is not None else []
            if dated:
                return [(dated[-1][0], dated[-1][1], dated[-1][2], 0)]
        seg = self.segment_at[a]
        if self._datable is None:
            # (timex, start, end, segment, clause); "their first summit since 2019" is not dated 2019
            self._datable = [(t, ta, tb, self.segment_at[ta], self.clause_at[ta]) for t, ta, tb in self.timexes
                             if not _SINCE_BEFORE.search(self.text[max(0, ta - 8):ta])]
        # "as reported by Reuters on Monday", "who said on Thursday that ...": the report's date
        candidates = [(t, ta, tb, tci) for t, ta, tb, tseg, tci in self._datable
                      if not (self.reporting[tseg] and (tseg != seg or tci != ci))]
        if "since" in self.text or "after" in self.text or "following" in self.text or " retaliation" in self.text \
                or " response" in self.text or "that " in self.text or "which" in self.text or "who" in self.text:
            # "the first meeting ... since the end of the civil war in 1949": what a "since" phrase dates is
            # before the event it follows (an event inside the phrase keeps the date: "since the US cut ties")
            candidates = [c for c in candidates if not self._after_since(a, c[1])]
        if candidates and any(self._determined(c[1], c[2]) for c in candidates):
            # "rejects the outcome of the 1 December presidential election": a date on another event noun is its own
            candidates = [c for c in candidates if not self._on_other_noun(a, c[1], c[2])]
        candidates = [c for c in candidates if not self._year_of_a_thing(a, c[1], c[2])]
        inserted = self._inserted_relative(a)
        if inserted is not None:
            # "Maduro, who was sworn in on Jan. 10 after a disputed vote, hit back by severing ties": past the
            # relative clause the main clause goes on, and the relative clause's dates are its own
            candidates = [c for c in candidates if not (inserted[0] <= c[1] < inserted[1])]
        unit = -1
        if self._apart:  # an adjunct told apart keeps its dates
            unit = self._unit(a)
            candidates = [c for c in candidates if self._unit(c[1]) == unit]
        if not candidates:
            return []
        in_adjunct = self._adjuncts()
        # other events compete for dates; other words of this same event ("met ... in a summit") do not
        # ("signed in June, during Putin's visit": the visit shares the date it hangs on)
        family = FAMILY[etype]
        others = [] if in_adjunct[a] else [
            (ta, tb, tci) for ta, tb, tfamily, tci in self._trigger_spans
            if (ta, tb) != (a, b) and not (tfamily == family and tci == ci and not (self._listed and ta in self._listed))
            and self._heads.get(ta) != a
            and not in_adjunct[ta]
            and (not self._apart or self._unit(ta) == unit) and not self._shares_time(a, b, ta, tb)
            and not (family == "travel" and tfamily == "meet" and _FOR_PURPOSE_I.search(self.text, max(b, ta - 16), ta))
            # ("will travel to Kyiv on Tuesday to meet Zelensky": the meeting is what the trip is for, at its time)
            and not (tfamily == "travel" and family in ("meet", "travel") and tb <= a
                     and self.text.endswith("to ", 0, a))
            and not self._dated_by_modifier(ta)]  # ("Sunday's election": dated already, it takes no other date)
        usable = []
        text = self.text

        def lean(oa: int, tb: int) -> int:
            # a date before an event word leans away from it, more so across a comma ("signed the pact in March
            # 2018, citing concerns": the date is the signing's)
            return 0 if tb > oa else (37 if "," in text[tb:oa] else 12)

        for t, ta, tb, tci in candidates:
            if t.value in _VAGUE_REFS and ((ta >= b and (ta - b > 30 or "," in text[b:ta]))
                                           or (ta < b and not _BLANK.fullmatch(text, tb, a))):
                continue  # ("had abducted citizens in past decades and apologised, at a summit": a vague time
                # is only its own verb's, the one it follows or stands right before: "recently met")
            mine = _gap(a, b, ta, tb) + lean(a, tb)
            if tb <= a and self.text.endswith("to ", 0, a):
                mine += 30  # "accepted an invitation last month to visit": a date before an infinitive is its verb's
            # an adverbial follows the verb it modifies: a date between two events leans to the earlier
            # ("expelled a diplomat on Monday and closed the consulate": the date ends the first verb phrase)
            if any(oci == tci and _gap(oa, ob, ta, tb) + lean(oa, tb) < mine
                   and not (tb <= oa and (_AND_THEN_VERB.match(self.text, tb) or _PURPOSE_I.search(self.text, tb, oa)))
                   for oa, ob, oci in others):
                continue
            usable.append((t, ta, tb, mine))
        if not usable:
            if etype not in _SPEECH_ACTS and _PERFECT_BEFORE_I.search(self.text, max(0, a - 25), a):
                # "Erdogan has agreed to ..., Stoltenberg said late on Monday": done by the time it was said
                said = [(t, ta, tb, 0) for t, ta, tb, tci in candidates if ta > b and t.precision == "day"
                        and any(e == "statement" and 0 <= ta - ob <= 12 for oa, ob, e in self.all_triggers)]
                return said[:1]
            return []
        same = [u for u in usable if self.clause_at[u[1]] == ci]
        if etype in _SPEECH_ACTS:
            usable = same  # "says that the US will accept refugees in 2016": 2016 dates what is said
        elif not same:
            # ("Megawati attends; the territory chose independence in August 1999": a semicolon ends what it dates)
            usable = [u for u in usable if not _HARD_BREAK.search(self.text, min(b, u[2]), max(a, u[1]))]
        pool = sorted(same or usable, key=lambda u: (u[3] + (0 if u[1] >= b else 2)))
        if not pool:
            return []
        first = pool[0]
        picked = [first]
        for u in pool[1:]:  # alternatives and ranges: "as early as Tuesday, or more likely, on Wednesday"
            lo, hi = (first[2], u[1]) if u[1] > first[2] else (u[2], first[1])
            if 0 <= hi - lo <= 40 and _OR_BETWEEN.match(self.text[lo:hi]):
                picked.append(u)
        return picked

    def _determined(self, ta: int, tb: int) -> bool:
        """Whether the date at [ta, tb) stands where a modifier of a noun does: after "the" or a possessive, or
        with "'s" after it ("the 2019 summit", "Sunday's vote")."""
        text = self.text
        return text.endswith(("the ", "The ", "'s ", "\u2019s "), 0, ta) or text.startswith(("the ", "The "), ta) \
            or text.startswith(("'s", "\u2019s"), tb)

    def _modifies(self, tb: int, oa: int) -> bool:
        """Whether a date ending at ``tb`` reaches the event noun at ``oa`` across adjectives only."""
        return 0 <= oa - tb <= 30 and _MODIFIER_GAP.fullmatch(self.text, tb, oa) is not None

    def _on_other_noun(self, a: int, ta: int, tb: int) -> bool:
        """Whether the date at [ta, tb) stands before another event noun as its modifier: "the 1 December
        presidential election", "Sunday's vote"."""
        return self._determined(ta, tb) and any(oa != a and self._modifies(tb, oa) for oa, _, _ in self.all_triggers)

    def _year_of_a_thing(self, a: int, ta: int, tb: int) -> bool:
        """Whether the year at [ta, tb) modifies a noun that is no event word here: "a 2002 ruling", "since a 2013
        stroke", or a possessive date in a phrase on a thing: "a repeat of last year's stand-off" (it dates that
        thing, not the event at ``a``)."""
        text = self.text
        if text.startswith(("'s ", "\u2019s "), tb) and _THING_OF_I.search(text, max(0, ta - 8), ta) is not None:
            return not self._modifies(tb, a) and _NOUN_AFTER_DATE_I.match(text, tb + 2) is not None \
                and not any(self._modifies(tb, oa) for oa, _, _ in self.all_triggers)
        return text.endswith(("a ", "A ", "an ", "the ", "The ", "his ", "her ", "its ", "their "), 0, ta) \
            and _YEAR_ONLY.fullmatch(text, ta, tb) is not None and not self._modifies(tb, a) \
            and _NOUN_AFTER_DATE_I.match(text, tb) is not None \
            and not any(self._modifies(tb, oa) for oa, _, _ in self.all_triggers)

    def _dated_by_modifier(self, oa: int) -> bool:
        """Whether the event noun at ``oa`` has a date of its own before it ("the 2019 summit", "Sunday's vote")."""
        return any(self._modifies(tb, oa) and self._determined(ta, tb) for _, ta, tb in self.timexes)

    def _trigger_end(self, a: int) -> int | None:
        return next((tb for ta, tb, _ in self.all_triggers if ta == a), None)

    def _after_since(self, a: int, ta: int) -> bool:
        """Whether the date at ``ta`` dates something told after the event word at ``a`` as before it: a "since
        ..." phrase, or an "after ..." phrase whose date is that of a noun ("after the January 7 shooting") or of
        a verb of its own ("after Moscow failed to explain ... on March 4")."""
        if _SINCE_PHRASE.search(self.text, max(a, ta - 100), ta) is not None:
            return True
        rel = _RELATIVE_PHRASE.search(self.text, max(a, ta - 140), ta)
        end = self._trigger_end(a) if rel is not None else None
        if end is not None and _PAST_VERB_I.search(self.text, rel.end(1), ta) is not None \
                and not _PP_GAP_I.fullmatch(self.text, end, rel.start(1)):
            # "ending the boycott that Saudi Arabia imposed in June 2017", "arrest Jorge Glas, who had taken refuge
            # there in December": a relative clause on another noun tells its own time (but "the summit, which took
            # place in 2019" is the summit's)
            before = _WORD_BEFORE_I.search(self.text, max(0, rel.start(1) - 20), rel.start(1))
            if rel.group(1).lower() != "that" or before is None or before.group(1).lower() not in _THAT_VERBS:
                return True
        if rel is not None and end is not None and _EFFECT_VERB_I.search(self.text, rel.end(1), ta) is not None:
            return True  # "agreed to a ceasefire that will take effect on August 4": when it binds, not when agreed
        m = _AFTER_PHRASE.search(self.text, max(a, ta - 150), ta)
        return m is not None and (self.text.endswith(("the ", "The ", "a "), 0, ta)
                                  or _OWN_VERB_I.search(self.text, m.end(1), ta) is not None)

    def _shares_time(self, a, b, ta, tb) -> bool:
        """Whether the event word at [ta, tb) has the time of the one at [a, b) rather than competing with it for
        a date: an event named as missing ("ended without a deal"), or the verb whose subject the noun at
        [a, b) is ("his summit with Trump ended in February")."""
        stext = self.text
        if self.may_deny and _WITHOUT_I.search(stext, max(0, ta - 14), ta):
            return True
        if ta >= b and ta - b <= 30 and _OBJECT_GAP.fullmatch(stext, b, ta) and _SPEECH_VERB_I.match(stext, a):
            return True  # "China denounced the deal on Thursday": the date is the denouncing's
        if 0 < ta - b <= 25 and _ATTEND_I.match(stext, a):
            return True  # "did not attend the BRICS summit in August": the attendance is at the summit's time
        # "the collapse of the grain deal", "the signing of the treaty": one happening, one time
        if (ta >= b and _OF_EVENT_I.fullmatch(stext, b, ta)) or (a >= tb and _OF_EVENT_I.fullmatch(stext, tb, a)):
            return True
        return ta >= b and not _VERB_FORM_I.match(stext, a) and _VERB_FORM_I.match(stext, ta) is not None \
            and _SUBJECT_GAP_I.fullmatch(stext, b, ta) is not None

    def _status(self, a, b, etype, c_lo, date_start):
        stext = self.text
        # (searched in the lower-cased sentence where there is one: the same hits, faster)
        if self.lowered is None:
            ltext, denied, possible, planned, planned_after = stext, _DENIED, _POSSIBLE, _PLANNED, _PLANNED_AFTER
        else:
            ltext, denied, possible, planned, planned_after = \
                self.lowered, _DENIED_LC, _POSSIBLE_LC, _PLANNED_LC, _PLANNED_AFTER_LC
        # a modal or a negation governs the verb phrase it stands in: look back to the clause
        # or comma segment start, whichever is nearer
        c_lo = max(c_lo, self.segments[self.segment_at[a]][0])
        if self._unnamed is None:
            # the text with names blanked out: "Theresa May announces" holds no "may"
            self._unnamed = ltext
            for x in self.actors:
                if x.start >= 0 and _MODAL_IN_NAME_I.search(ltext, x.start, x.end):
                    self._unnamed = self._unnamed[:x.start] + " " * (x.end - x.start) + self._unnamed[x.end:]
            for _, ta, tb in self.timexes:  # ("the May 2019 vote": a month, not a modal)
                if _MODAL_IN_NAME_I.search(ltext, ta, tb):
                    self._unnamed = self._unnamed[:ta] + " " * (tb - ta) + self._unnamed[tb:]
        ltext = self._unnamed
        near = ltext[max(c_lo, a - 100):a]
        if self.may_deny and (denied.search(ltext[max(c_lo, a - 30):a])
                              or _DENIED_THAT_I.search(stext, max(self.body, a - 70), a)):
            return "denied"
        if self.may_be_possible and possible.search(near):
            return "possible"
        if date_start is not None and self.ctx.anchor and date_start <= self.ctx.anchor \
                and _DONE_PARTICIPLE_I.match(stext, b):
            return "occurred"  # "will open a pathway under a treaty signed on Thursday": the treaty is signed
        if planned.search(near) or (etype == "invitation" and _TO_AFTER.match(stext[b:b + 4])) \
                or planned_after.match(ltext, b):
            return "planned"
        if stext.find("for", max(0, a - 20), a) >= 0 and _FOR_A_BEFORE.search(stext[max(0, a - 20):a]):
            return "planned"  # purpose: "on a special train for a summit with Putin"
        if etype == "leadership change" and _VOTED_TO_I.search(stext, max(0, a - 40), a):
            return "occurred"  # "the Senate votes 39-4 to remove President Lugo": the vote removes him
        if _TO_BEFORE.search(stext[max(0, a - 4):a]) and etype not in _SPEECH_ACTS \
                and not (etype == "protest" and _PAST_ACT_I.search(stext, c_lo, a)) \
                and not _TRIED_TO_I.search(stext, max(0, a - 24), a):
            # ("protesters tried to storm the parliament": an attempt took place)
            # an infinitive is an intention: "accepted an invitation to visit North Korea" (but "farmers blocked
            # the highway ... to protest" protested)
            return "planned"
        if self.ctx.anchor and date_start and date_start > self.ctx.anchor and not _PAST_VERB_I.match(stext, a):
            return "planned"  # (a verb in the past tense is done, after the day the text is dated or not)
        return "occurred"

    # ------------------------------------------------------------- place
    def _place(self, a, b, etype, ci, has_fallback=False):
        stext = self.text

        speech = etype in _SPEECH_ACTS
        host = FAMILY[etype] in ("meet", "travel")

        def rank(p):
            pa, pb, m = p
            # (a participle clause after a comma tells something else: "took Shasha, cutting the road to Goma")
            own_clause = self.clause_at[pa] == ci and not (pa > b and _PARTICIPLE_I.search(stext, b, pa))
            named_in = _PLACE_OF_I.search(stext, max(0, pa - 20), pa)
            prep = self._cue_before(_PREP_PLACE, pa, 12) or m.category in ("venue", "event") or bool(named_in) or \
                (etype == "visit" and bool(_BLANK.fullmatch(stext[b:pa]))) or \
                (etype == "military action" and pa > b and _PLACE_OBJECT.fullmatch(stext, b, pa) is not None)
            # ("shelled Nikopol across the reservoir": the place attacked is where the attack is)
            if 0 <= a - pb <= 1 and host:
                return (not own_clause, False, False, False, -1, 0)  # "the Helsinki summit": held there
            distance = pa - b if pa >= b else (a - pb) + 30
            if named_in is not None:  # ("the Black Sea resort of Sochi": as near as the phrase it ends)
                before = [q[0] for q in self.places if q[1] <= named_in.start() and named_in.start() - q[1] <= 25]
                if before and before[-1] >= b:
                    distance = before[-1] - b
            # near before precise: "travel to Russia ... weapons to Moscow" is a trip to Russia, but
            # "in Russia's far east, specifically in Vladivostok" is one in Vladivostok
            precision = "city" if m.category == "unlisted" else m.precision
            return (not own_clause, not prep, distance > 60, pa < b, _GEO_RANK.get(precision, 3), distance)

        places = self.places
        where = _WHERE_CLAUSE.search(stext, max(0, a - 80), a) if "where" in stext or "which" in stext else None
        if where is not None:
            # the place named last before ", where" (a date may stand between them: "in Singapore last June, where")
            there = [p for p in places if p[1] <= where.start() and where.start() - p[1] <= 40]
            # (but "warnings from Beijing, which announces drills": the place is who does it, not where)
            if there and not (stext.startswith(", which", where.start()) and there[-1][1] == where.start()):
                return there[-1]
        if self._apart:  # an adjunct told apart keeps its places
            unit = self._unit(a)
            places = [p for p in places if self._unit(p[0]) == unit]
        if speech:  # "voiced concern over arms to Russia" happens where it is said, not in Russia
            places = [p for p in places if self._cue_before(_SAID_AT, p[0], 12)]
            if _SAID_CONTENT_I.match(stext, b):
                # "Spain said it supported Morocco's plan for autonomy in Western Sahara": a place in what is said
                places = [p for p in places if not (p[0] > b and self.clause_at[p[0]] == ci)]
        if etype != "military action":
            # "spoke with Putin by phone, urging him to withdraw troops from Ukraine": a participle clause's place
            # is what was urged or said, not where this happened (but "airstrikes, hitting targets near Homs")
            places = [p for p in places if not (p[0] > b and (
                _PARTICIPLE_I.search(stext, b, p[0])
                or (etype != "protest" and _CONTENT_PARTICIPLE_I.search(stext, b, p[0]))))]
        if FAMILY[etype] in ("meet", "call"):
            # "talks on Taiwan", "about the war in Ukraine": a country talked about is not where the talks were
            places = [p for p in places if not (p[0] > b and p[2].precision == "country"
                                                and _TOPIC_BETWEEN_I.fullmatch(stext, b, p[0])
                                                and not stext.startswith(("'s", "\u2019s"), p[1]))]
            # (but "a summit on Singapore's Sentosa island" is held there)
        if "which" in stext and etype != "military action":
            # "signed a joint statement in which ... Trump pledged security guarantees for Pyongyang": a place in a
            # "which" clause after the event word is that clause's (but "fired on protesters who had gathered at
            # the toll gate" happened there)
            places = [p for p in places if not (p[0] > b and _REL_BEFORE_PLACE_I.search(stext, b, p[0]))]
        if len(places) > 1:
            # "with Ali al-Sistani, the most senior Shiite cleric in Iraq, at his home in Najaf": a place in an
            # apposition describes the person, not where the event is
            places = [p for p in places if not self._in_apposition(p[0])] or places
        if "after" in stext or "following" in stext:
            # "expels 23 diplomats after Moscow fails to explain the attack in Salisbury": a place in an "after"
            # phrase with a verb of its own is where that happened
            places = [p for p in places if not (p[0] > b and self._after_clause(a, p[0]))]
        if etype in ("leadership change", "election", "court ruling") or etype in _SPEECH_ACTS:
            # "resigned and flew out of Dhaka to India": where someone went is not where this happened
            places = [p for p in places if not _TO_BEFORE_PLACE_I.search(stext, max(0, p[0] - 6), p[0])] or places
        if "mbassador" in stext or "nvoy" in stext:
            # "recalls its ambassador to the United States": the envoy's post, not where the recall is
            places = [p for p in places if not _POST_BEFORE_I.search(stext, max(0, p[0] - 40), p[0])]
        if "against" in stext or "over" in stext:
            # "(resigns after) protests against a plan to export gas through Chile": a place in the plan a protest is
            # against is its topic
            places = [p for p in places if not (p[0] > b and _PROTEST_TOPIC_I.search(stext, b, p[0]))]
        if etype == "aid":  # "relief flights from New Zealand land in Tonga": where aid comes from is not where it is
            places = [p for p in places if not stext.endswith(("from ", "From "), 0, p[0])]
        if speech or etype in ("sanction", "expulsion"):
            # "sanctions against Russia over its actions in eastern Ukraine", "expels the envoy in retaliation for
            # New Delhi's decision to revoke the status of Kashmir": a place in the reason is not where the decision
            # or the words were made
            reason = _REASON if etype != "expulsion" else _RETALIATION
            places = [p for p in places if not (p[0] > b and reason.search(stext, b, p[0]))]
        if not places:
            return None
        pa, pb, m = places[0] if len(places) == 1 else min(places, key=rank)
        # a place names where this event is when it stands in the trigger's own phrase or close after it
        seg = self.segment_at[a]
        if self.segment_at[pa] == seg or 0 <= pa - b <= 60 or (
                m.category == "venue" and pa > b and self.clause_at[pa] == ci and self._cue_before(_PREP_PLACE, pa, 12)):
            return pa, pb, m  # (and "sign the accord, commonly called Oslo II, at the White House": a venue it is at)
        # a fronted adverbial scopes over the sentence: "On 4 May 2020, in Osorno (Los Lagos), workers protested"
        pseg = self.segment_at[pa]
        if pb <= a and all(_FRONTED.match(stext, self.segments[i][0]) for i in range(pseg, seg)):
            return pa, pb, m
        body = [p for p in places if self.s0 + p[0] >= self.ctx.dateline_end]  # (the dateline's aside)
        if not speech and not has_fallback and (len(places) == 1 or (len(body) == 1 and body[0][0] == pa
                                                                     and m.precision != "country")):
            return pa, pb, m  # the only place the sentence names, for an event that happens somewhere
        return None

    def _in_apposition(self, pos: int) -> bool:
        """Whether ``pos`` stands in a comma segment that describes the person named right before it (", the most
        senior Shiite cleric in Iraq,")."""
        lo, hi = self.segments[self.segment_at[pos]]
        if not (self.text.startswith(("the ", "a ", "an "), lo) and self.text.startswith(",", hi)):
            return False
        return any(x.category == "person" and 0 <= lo - x.end <= 2 for x in self.actors)

    # ------------------------------------------------------------- build
    def _build(self, a, b, etype) -> Event | None:
        ctx, stext, s0 = self.ctx, self.text, self.s0
        ci = self.clause_at[a]
        c_lo = self.clauses[ci][0]
        spans: dict[str, list[int]] = {"trigger": [a, b]}
        confidence = 0.45
        # a definite mention of an earlier event ("the summit", "this concern") is that event again:
        # it takes the antecedent's roles unless its own words name them ("Russia's", "by Putin")
        # (no antecedent to look for before the first event of the family)
        definite = FAMILY[etype] in ctx.by_family and bool(_DEFINITE_BEFORE.search(stext[max(0, a - 20):a]))
        antecedent = ctx.antecedent(FAMILY[etype]) if definite else None
        if antecedent is not None and antecedent.sentence_start == s0 and (self._during(a) or self._unit(a) >= 0):
            # "met Xi on the sidelines of the G20 summit", "met Xi on Monday, two weeks after the summit in Paris":
            # the summit is not the meeting again
            antecedent = None
        if antecedent is not None and id(antecedent) in ctx.folded:
            return None  # "the consensus" of a statement already told: nothing new
        actor1, actor2 = self._roles(a, b, etype, ci)
        if etype == "arrest" and actor2 is not None and _SURRENDER_I.match(stext, a):
            actor1, actor2 = actor2, actor1  # "Lula gave himself up to the Federal Police": the police hold him
        if a in self._absent:  # (who did not attend a meeting is no party to it)
            absent = self._absent[a]
            actor1, actor2 = (None if x is not None and x.name in absent else x for x in (actor1, actor2))
        if antecedent is not None and FAMILY[etype] in ("meet", "protest") and etype == antecedent.event_type \
                and self._own_roles(a, b) and not self._own_timexes(a, b, etype):
            # "Russia is represented at the summit by Lavrov", "the protest was initiated by X": one more
            # participant of the summit or protest told before
            joined = [x.name for x in (actor1, actor2) if x is not None]
            antecedent.actors = "; ".join(dict.fromkeys(_names(antecedent) + joined)) or None
            return None
        bare_anaphor = antecedent is not None and not self._own_roles(a, b) and bool(antecedent.actor1)
        if bare_anaphor:
            actor1 = actor2 = None

        picked = self._own_timexes(a, b, etype)
        if not picked and etype == "forum" and _ATTEND_I.match(stext, a):
            # "did not attend the BRICS summit in Johannesburg in August": at the time of what is attended
            held = next(((ta, tb) for ta, tb, fam, _ in self._trigger_spans
                         if fam in ("meet", "travel") and 0 < ta - b <= 25), None)
            if held is not None:
                picked = self._own_timexes(held[0], held[1], "summit")
        if antecedent is not None and picked and min(p[3] for p in picked) > 40:
            picked = []  # a date far off in the sentence belongs to something else than the anaphor
        start = end = precision = date_text = None
        narrative = None
        if picked:
            tx = [p[0] for p in picked]
            start, end = _interval(tx)
            if start is None and tx[0].value == "PRESENT_REF" and ctx.anchor:
                start = end = ctx.anchor
            if start is not None and tx[0].value in ("FUTURE_REF", "PAST_REF") and (end - start).days > 365:
                # "in the near future", "in the past": vague; keep the year nearest the report
                if tx[0].value == "FUTURE_REF":
                    end = start + dt.timedelta(days=364)
                else:
                    start = end - dt.timedelta(days=364)
            if start is not None:
                precision = tx[0].precision if len(tx) == 1 else None
                lo, hi = min(p[1] for p in picked), max(p[2] for p in picked)
                date_text = stext[lo:hi] if len(picked) > 1 else tx[0].text
                spans["date"] = [lo, hi]
                confidence += 0.2
        status = self._status(a, b, etype, c_lo, start)
        if antecedent is not None and status == "occurred":
            status = antecedent.status
        moved = None if start is not None or not self._apart else self._adjunct_date(a)
        if start is None and antecedent is not None and antecedent.date_start is not None:
            start, end = antecedent.date_start, antecedent.date_end
            precision, date_text = antecedent.date_precision, antecedent.date_text
        elif moved is not None:
            start, end, precision, date_text, spans["date"] = moved
            confidence += 0.1
        elif start is None and ctx.anchor is not None:
            if status in ("planned", "possible"):
                start, end = ctx.anchor + dt.timedelta(days=1), ctx.anchor + dt.timedelta(days=30)
            elif ctx.last_dated is not None and self._past_narrative() and ctx.last_dated.status == "occurred" \
                    and not _LATER_I.search(stext, max(0, a - 20), a) \
                    and not (_PRESENT_S_I.fullmatch(stext, a, b) and _SUBJECT_BEFORE.search(stext, max(0, a - 30), a)) \
                    and not self._reacts(etype, actor1, ctx.last_dated) \
                    and not self._told_inside(ctx.last_dated, a):
                # ("Biden later accused": after it; what was done does not take the date of what was announced)
                prev = ctx.last_dated  # past-tense narrative goes on from the last dated event
                start, end, precision, date_text = prev.date_start, prev.date_end, prev.date_precision, prev.date_text
                narrative = prev
            else:
                start = end = ctx.report_date  # present-tense reporting: the dateline's or publication date
                precision = "day"
            confidence -= 0.1
        if start is not None and start == end and "date" in spans and FAMILY[etype] in ("travel", "meet"):
            days = self._days_long(ci)
            if days:
                # "arrived on Wednesday for a two-day visit": Wednesday and Thursday; "left on Wednesday after a
                # three-day visit": Monday to Wednesday
                if _ENDING_I.search(stext, c_lo, spans["date"][0]):
                    start = start - dt.timedelta(days=days - 1)
                else:
                    end = end + dt.timedelta(days=days - 1)
        if start is not None and end is not None:
            precision = _precision_of(start, end, precision)

        # place
        # an anaphor keeps its antecedent's place rather than take a far one from its sentence
        place = self._place(a, b, etype, ci, has_fallback=antecedent is not None and bool(antecedent.location))
        loc = (None, None, None, None, None)
        if place is not None:
            pa, pb, m = place
            loc = _loc_of(m)
            spans["location"] = [pa, pb]
            confidence += 0.05
        elif antecedent is not None and isinstance(antecedent.location, str):
            loc = (antecedent.location, antecedent.country, antecedent.lat, antecedent.lon, antecedent.geo_precision)
        elif etype == "military action" and actor2 is not None and actor2.category == "state" and actor2.mention:
            m = actor2.mention  # an attack on a state happens in it
            loc = (m.name, m.country, m.lat, m.lon, "country")
        elif self._fronted_place() is not None:
            loc = _loc_of(self._fronted_place())  # "At the World Economic Forum in Davos, ...": the whole sentence
        elif narrative is not None and isinstance(narrative.location, str) and narrative.geo_precision != "country":
            # "... rioters looted shops in Durban. Police fired rubber bullets.": the story goes on where it was
            loc = (narrative.location, narrative.country, narrative.lat, narrative.lon, narrative.geo_precision)
        elif ctx.dateline is not None and etype in _DATELINE_TYPES and not (
                etype in _SPEECH_ACTS and actor1 is not None and actor1.category in ("state", "government")
                and actor1.country and ctx.dateline.country and actor1.country != ctx.dateline.country):
            # filed from Brussels: decided, said or met there (but "SEOUL - North Korea said": said at home)
            loc = _loc_of(ctx.dateline)
        elif (etype in _SPEECH_ACTS and actor1 is not None and actor1.country) or (
                # (a state expels at home: "Pakistan expels the envoy", but "Saudi Arabia, Egypt and Bahrain sever
                # relations with Qatar" is in no one place)
                etype == "expulsion" and actor1 is not None and actor1.country
                and sum(x.category == "state" and x.end <= a for x in self.actors) == 1) or (
                etype in ("election", "leadership change", "court ruling")
                and any(x is not None and x.country for x in (actor1, actor2))):
            # said (or elected, sworn in, removed) at home: the acting state, else the one acted on
            who = actor1 if actor1 is not None and actor1.country else actor2
            home = geo.countries().get(who.country)
            if home and home["lat"] is not None:
                loc = (home["name"], who.country, home["lat"], home["lon"], "country")
        elif etype in ("election", "leadership change", "court ruling") and (owner := next(
                (x for x in self.actors if x.category == "state" and x.mention is not None
                 and _MODIFIER_GAP.fullmatch(stext, x.end, a)), None)) is not None:
            # "Arévalo wins Guatemala's presidential runoff": the state whose vote it is
            m = owner.mention
            loc = (m.name, m.country, m.lat, m.lon, "country")
        elif etype in ("protest", "arrest"):
            # "Hong Kong police fired tear gas at protesters": crowds and police act at home
            crowd = next((x for x in (actor1, actor2) if x is not None and x.country
                          and x.name.startswith(("Protesters (", "Rioters (", "Police Forces of "))), None)
            named = {x.country for x in self.actors if x.country}
            if crowd is None and etype == "protest" and len(named) == 1 and all(
                    x.category == "person" for x in self.actors if x.country):
                # "after a day of protests in several cities, Tunisian President Kais Saied ...": the state of the
                # people the sentence names, all of one state
                crowd = next(x for x in self.actors if x.country)
            home = geo.countries().get(crowd.country) if crowd is not None else None
            if home and home["lat"] is not None:
                loc = (home["name"], crowd.country, home["lat"], home["lon"], "country")

        # a visit's destination state is the one visited: "visit Russia"
        if etype == "visit" and place is not None and place[2].category == "state" \
                and (actor1 is None or actor1.country != place[2].country):
            m = place[2]
            actor2 = _Actor(place[0], place[1], m.name, m.country, "state", m)
        elif etype == "cooperation" and place is not None and actor2 is None and actor1 is not None \
                and actor1.category == "state" and place[2].country and place[2].country != actor1.country:
            # "Israel reopens its embassy in Cairo": a state acting in another one acts with it
            home = geo.countries().get(place[2].country)
            if home:
                actor2 = _Actor(-1, -1, home["name"], place[2].country, "state")

        if antecedent is not None:
            known = {x.name for x in (actor1, actor2) if x is not None}
            inherited = [(antecedent.actor1, antecedent.actor1_country), (antecedent.actor2, antecedent.actor2_country)]
            inherited = [(n, c) for n, c in inherited if isinstance(n, str) and n not in known]
            if actor1 is None and inherited:
                actor1 = _Actor(-1, -1, *inherited.pop(0), None)
            if actor2 is None and inherited:
                actor2 = _Actor(-1, -1, *inherited.pop(0), None)

        names = [x.name for x in (actor1, actor2) if x is not None]
        if etype == "summit" and not names and antecedent is None and ctx.organisation \
                and not any(x.ci == ci and not x.is_place_like for x in self.actors):
            # "the alliance's 75th anniversary summit", "a three-day summit in Johannesburg": of the body the story
            # is about, with nobody else named in the clause
            names = [ctx.organisation]
        # the others acting in the same clause take part too ("between pro-STC and pro-Hadi forces")
        people_countries = {x.country for x in (actor1, actor2) if x is not None and x.category == "person"}
        # (not for "the sanctions will be implemented", which keeps the roles of the sanctions told before,
        # nor for protests in an adjunct, nor for actors that belong to another event of the sentence)
        others = () if bare_anaphor or self._adjunct_protest(a, b, etype) else self.actors
        if a in self._crowd_at:  # (a crowd's protest: those named after it, as police who dispersed it)
            others = [x for x in others if x.start > a]
        ltext, target, prevented = (stext, _PROTEST_TARGET, _PREVENTED) if self.lowered is None \
            else (self.lowered, _PROTEST_TARGET_LC, _PREVENTED_LC)
        # (who stands past a relative clause this event is inserted in, or before the one blamed for it, takes no part)
        relative_end = self._relative_end(a)
        blamer_before = actor1.start if actor1 is not None and self._blamed_for(a) is actor1 else -1
        last_end = None  # where the last actor taken ends: a list ("Argentina, Egypt, Ethiopia and Iran") goes on
        took_after = any(x is not None and x.start > b for x in (actor1, actor2))
        for x in others:
            if len(names) >= _MAX_ACTORS and not (last_end is not None and len(names) < _MAX_LISTED
                                                   and _LIST_GAP.fullmatch(stext, last_end, x.start)) \
                    and not (x.start > b and not took_after and len(names) < _MAX_LISTED):
                # (the one acted on, right after a long list of those who act: "... and Egypt cut ties with Qatar")
                if x.start > b:
                    break
                continue
            if not x.is_place_like and x.ci == ci and x.name not in names \
                    and not x.rep and not x.owner and not self._belongs_elsewhere(x, a, b) \
                    and (not self._apart or self._unit(x.start) == self._unit(a)) \
                    and not (etype == "protest" and x.start > b and target.search(ltext, b, x.start)) \
                    and not (x.start > b and self.may_prevent and prevented.search(ltext, b, x.start)) \
                    and not (x.category == "state" and x.country in people_countries) \
                    and not (x.start > b and self._topic_state(etype, b, x)) \
                    and not (etype not in _SPEECH_ACTS and self._speaks_before(x, a)) \
                    and not (x.start > a and relative_end < x.start) \
                    and not x.end <= blamer_before:
                names.append(x.name)  # (a person's own state adds nothing: "Putin" already says Russia)
                last_end = x.end
                took_after = took_after or x.start > b
        if a in self._absent:
            names = [n for n in names if n not in self._absent[a]]
        if etype in _SPEECH_ACTS and len(names) < _MAX_ACTORS and ci + 1 < len(self.clauses) \
                and _THAT_CLAUSE.match(stext, b, self.clauses[ci + 1][0] + 6):
            # "Kerry says that the United States will accept 85,000 refugees": who the words are about
            lo = self.clauses[ci + 1][0]
            said = next((x for x in self.actors if x.ci == ci + 1 and not x.is_place_like and not x.rep
                         and x.start - lo <= 30), None)
            if said is not None and said.name not in names and _SUBJECT_GAP.fullmatch(stext, lo, said.start):
                names.append(said.name)
        if etype == "military action" and actor1 is None and self._cue_before(_PASSIVE_AUX, a, 12) \
                and all(n == (actor2.name if actor2 else None) for n in names):
            # (unless the sentence names someone else who may have done it: "killed when a British drone hit")
            # "a man was found dead", "a car was set on fire": violence by someone unnamed, against civilians
            where = geo.country_name(loc[1]) if loc[1] else None
            suffix = f" ({where})" if where else ""
            names.insert(0, _unidentified(loc[1]))
            if _VICTIM.search(stext[c_lo:a]) and not any(n.startswith("Civilians") for n in names):
                names.append(f"Civilians{suffix}")
        if etype == "arrest" and len(names) < 2 and _DRUGS.search(stext):
            # a drug seizure is made against traffickers, named or not (ACLED's "Unidentified Gang (Country)")
            where = geo.country_name(loc[1]) if loc[1] else None
            names.append(f"Unidentified Gang ({where})" if where else "Unidentified Gang")
        if etype == "military action":
            # protesters who burn, attack or clash are rioters (ACLED's "Rioters (Country)")
            names = [_rioters(n) for n in names]
            if actor1 is not None and actor1.name.startswith("Protesters"):
                actor1 = _Actor(actor1.start, actor1.end, _rioters(actor1.name), actor1.country, actor1.category)
            if actor2 is not None and actor2.name.startswith("Protesters"):
                actor2 = _Actor(actor2.start, actor2.end, _rioters(actor2.name), actor2.country, actor2.category)
            if _MUTUAL.match(stext, a) and not any(n.startswith("Rioters") for n in names) \
                    and any(_UNARMED_GROUP.search(n) for n in names):
                # "vendors clashed with police", "members of two clans clashed": a riot, fought by rioters
                where = geo.country_name(loc[1]) if loc[1] else None
                names.insert(0, f"Rioters ({where})" if where else "Rioters")
        if loc[1] and loc[4] in ("city", "region") and etype in ("protest", "military action", "arrest") \
                and any(n.startswith(_CROWD_NAMES) for n in names):
            # crowds and victims are named by where they are ("Rohingya refugees rallied in Cox's Bazar": protesters
            # in Bangladesh; a Saudi-led strike in Saada kills civilians of Yemen)
            here = geo.country_name(loc[1])
            if here:
                names = [_placed_crowd(n, here) for n in names]
                actor1, actor2 = (x if x is None or not x.name.startswith(_CROWD_NAMES) else
                                  _Actor(x.start, x.end, _placed_crowd(x.name, here), loc[1], x.category)
                                  for x in (actor1, actor2))
        if etype == "election" and any(n.startswith(("Protesters", "Rioters")) for n in names):
            # "demonstrators rejecting the results of the elections": a crowd votes in no election as a crowd
            names = [n for n in names if not n.startswith(("Protesters", "Rioters"))]
            actor1, actor2 = (None if x is not None and x.name.startswith(("Protesters", "Rioters")) else x
                              for x in (actor1, actor2))
        if etype == "protest" and not any(_PROTEST_NAME.search(n) for n in names):
            # a protest is made by protesters, named or not (ACLED's "Protesters (Country)")
            where = geo.country_name(loc[1]) if loc[1] else None
            names.append(f"Protesters ({where})" if where else "Protesters")
        if narrative is not None and narrative.sentence_start != s0 and "date" not in spans \
                and (actor1 is None or actor1.name in _names(narrative)
                     # ("Fighters ... burned buildings": unnamed fighters in the incident just told)
                     or ((actor1.name.startswith(_GENERIC_PARTIES)
                          # ("Fighters of the Maute group occupied parts of the city": an armed group acting, with no
                          # time or place of its own, in the incident just told)
                          or (actor1.category == "group" and actor1.mention is not None and etype == "military action"
                              and not _ENFORCERS.match(actor1.name)
                              and ("location" not in spans or loc[0] == narrative.location)))
                         and FAMILY[etype] in _INCIDENT_FAMILIES
                         and FAMILY[narrative.event_type] in _INCIDENT_FAMILIES)) \
                and (status != "denied" or narrative.status == "denied") \
                and not ("location" in spans and loc[1] and narrative.country and loc[1] != narrative.country) \
                and (FAMILY[etype] == FAMILY[narrative.event_type] or etype == "statement"
                     or {FAMILY[etype], FAMILY[narrative.event_type]} <= _INCIDENT_FAMILIES):
            # "The police had arrested the man.": more about the event just told, not a new one
            # ("1 person was killed in the clash" names no new party of a clash whose parties are known)
            told = _names(narrative)
            if any(n.startswith("Rioters") for n in told):
                names = [_rioters(n) for n in names]  # "The tribals were protesting": the rioters just told
            extra = [n for n in names if n not in told
                     and not (narrative.actor1 and n.startswith(("Unidentified Armed Group", "Unidentified Gang",
                                                                  "Civilians")))]
            if extra:
                narrative.actors = "; ".join(_names(narrative) + extra)
            return None
        if actor1 is not None and actor1.start >= 0:
            spans["actor1"] = [actor1.start, actor1.end]
            confidence += 0.1
        if actor2 is not None and actor2.start >= 0:
            spans["actor2"] = [actor2.start, actor2.end]
            confidence += 0.05
        if etype in _WEAK and actor1 is None and "date" not in spans and not (etype == "election" and actor2 is not None):
            return None  # a weak word with nobody acting and no date of its own says too little
        if etype in _SPEECH_ACTS and actor1 is None and not (etype == "rejection" and "date" in spans
                                                             and _BREAKDOWN_I.match(stext, a)):
            # words with no speaker: "the agency said" of an agency the text does not name (but "the collapse
            # of the grain deal in July" is a breakdown with a time of its own, whoever caused it)
            return None
        if not names and "date" not in spans and place is None:
            return None

        if loc[1] and "location" in spans and self._bare_groups and place is not None \
                and place[2].category != "state":
            # "Islamist fighters captured the town of Konna": a group named by a bare word is of the state where it
            # acts, not of the text's most named one (unless a place of the sentence is in that one)
            where = geo.country_name(loc[1])
            held = {p[2].country for p in self.places}
            if where and not any(_QUALIFIER.search(n) and n[:-1].endswith(f"({geo.country_name(c)}") for n in
                                 self._bare_groups for c in held if c and c != loc[1] and geo.country_name(c)):
                names = [self._bare_groups[n].format(where) if n in self._bare_groups else n for n in names]
                actor1, actor2 = (_Actor(x.start, x.end, self._bare_groups[x.name].format(where), loc[1], x.category)
                                  if x is not None and x.name in self._bare_groups else x for x in (actor1, actor2))
        if etype == "military action" and loc[1] and any(n.startswith("Civilians (") for n in names):
            # the civilians an attack hits are those of where it struck ("Russian forces shelled Kharkiv, killing
            # nine civilians": Ukraine's)
            where = geo.country_name(loc[1])
            if where:
                names = [f"Civilians ({where})" if n.startswith("Civilians (") else n for n in names]
                if actor2 is not None and actor2.name.startswith("Civilians ("):
                    actor2 = _Actor(actor2.start, actor2.end, f"Civilians ({where})", loc[1], actor2.category)
        reported_by = None
        if self.sources:
            sa, sb, sm = self.sources[0]
            reported_by = sm.name
            spans["reported_by"] = [sa, sb]
        if self.sent.kind == "bullet":
            confidence -= 0.1
        article = self.article
        event = Event(
            date_start=start, date_end=end, date_precision=precision if start else None, date_text=date_text,
            status=status, event_type=etype, plover=EVENT_TYPES[etype],
            actor1=actor1.name if actor1 else None, actor2=actor2.name if actor2 else None,
            actors="; ".join(dict.fromkeys(names)) or None,
            actor1_country=actor1.country if actor1 else None, actor2_country=actor2.country if actor2 else None,
            location=loc[0], country=loc[1], lat=loc[2], lon=loc[3], geo_precision=loc[4],
            reported_by=reported_by, trigger=stext[a:b], sentence=stext, sentence_start=s0,
            spans=_spans_json(spans), article_id=article.id, article_ids=article.id,
            title=article.title, source=article.source, url=article.url, published=article.published,
            sources=1, confidence=round(max(0.05, min(0.95, confidence)), 2),
        )
        event.event_id = _stable_id(article.id, s0 + a, etype)
        self._built_at[id(event)] = a
        if antecedent is None:
            ctx.by_family.setdefault(FAMILY[etype], []).append(event)
        if "date" in spans and (not self._apart or self._unit(a) < 0) \
                and not (picked and picked[0][0].value in _VAGUE_REFS) and not self._dated_by_modifier(a):
            # (a background event told in an adjunct does not move the story's time, nor one "in past decades",
            # nor a noun dated by its modifier: "against the outcome of the 2022 election")
            ctx.last_dated = event
        return event
