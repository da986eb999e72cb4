"""The cue verbs: one row per verb with every form spelled out and what it can do.

Adding a verb is adding a row. The forms are written, not generated, because
English spelling defeats simple rules (``slam`` → ``slammed``, ``speak`` → ``spoke``).

Flags:

``strong``
    a speech act that opens a quotation on its own (``said``, ``shouted``); without it the verb
    is evaluative (``praised``, ``dubbed``): it attributes a quote woven into its clause but is
    weaker evidence.
``inverts``
    may come before its subject: ``“Not today,” shouted Jane Lacey``.
``clause``
    reports speech with a bare clause: ``said the plan would fail`` (the say family).
``that``
    reports speech only with ``that``: ``admitted that …`` (``admitted the mistake`` is no clause).
``noun``
    the base form is usually a noun (``a lunch counter``, ``the report``): only the other
    forms are cues.

>>> CUES["slam"].forms
('slam', 'slams', 'slammed', 'slamming')
>>> CUE_FORMS["spoke"], "shouted" in INVERTING_CUES
('speak', True)
"""

from dataclasses import dataclass

# lemma | forms (base, -s, past, -ing, and any other) | flags
_TABLE = """
accuse       | accuse accuses accused accusing                      |
acknowledge  | acknowledge acknowledges acknowledged acknowledging  | strong inverts that
add          | add adds added adding                                | strong inverts clause
admire       | admire admires admired admiring                      |
admit        | admit admits admitted admitting                      | strong inverts that
advise       | advise advises advised advising                      | strong
agree        | agree agrees agreed agreeing                         | strong inverts that
allege       | allege alleges alleged alleging                      | strong clause
announce     | announce announces announced announcing              | strong inverts that
answer       | answer answers answered answering                    | strong inverts noun
apologise    | apologise apologises apologised apologising          |
apologize    | apologize apologizes apologized apologizing          |
applaud      | applaud applauds applauded applauding                |
argue        | argue argues argued arguing                          | strong inverts clause
ask          | ask asks asked asking                                | strong inverts
assert       | assert asserts asserted asserting                    | strong inverts clause
assure       | assure assures assured assuring                      | strong
attack       | attack attacks attacked attacking                    |
beg          | beg begs begged begging                              | strong
blame        | blame blames blamed blaming                          |
blast        | blast blasts blasted blasting                        |
blog         | blog blogs blogged blogging                          | strong noun
boast        | boast boasts boasted boasting                        | strong inverts
brag         | brag brags bragged bragging                          | strong
brand        | brand brands branded branding                        |
call         | call calls called calling                            |
caution      | caution cautions cautioned cautioning                | strong inverts that
challenge    | challenge challenges challenged challenging          |
chant        | chant chants chanted chanting                        |
characterise | characterise characterises characterised characterising |
characterize | characterize characterizes characterized characterizing |
charge       | charge charges charged charging                      | strong
chide        | chide chides chided chiding                          | strong
cite         | cite cites cited citing                              |
claim        | claim claims claimed claiming                        | strong inverts clause
close        | close closes closed                                  | strong noun
comment      | comment comments commented commenting                | strong inverts noun
compare      | compare compares compared comparing                  |
complain     | complain complains complained complaining            | strong inverts that
concede      | concede concedes conceded conceding                  | strong inverts that
conclude     | conclude concludes concluded concluding              | strong inverts that
condemn      | condemn condemns condemned condemning                |
confirm      | confirm confirms confirmed confirming                | strong inverts that
contend      | contend contends contended contending                | strong inverts clause
continue     | continue continues continued continuing              | strong inverts
counter      | counter counters countered countering                | strong inverts noun
criticise    | criticise criticises criticised criticising          |
criticize    | criticize criticizes criticized criticizing          |
cry          | cry cries cried crying                               | strong inverts
declare      | declare declares declared declaring                  | strong inverts that
decry        | decry decries decried decrying                       |
defend       | defend defends defended defending                    |
demand       | demand demands demanded demanding                    | strong inverts
denounce     | denounce denounces denounced denouncing              |
deny         | deny denies denied denying                           | strong that
depict       | depict depicts depicted depicting                    |
deride       | deride derides derided deriding                      |
describe     | describe describes described describing              |
disclose     | disclose discloses disclosed disclosing              | strong
dismiss      | dismiss dismisses dismissed dismissing               |
dub          | dub dubs dubbed dubbing                              |
echo         | echo echoes echoed echoing                           | strong noun
elaborate    | elaborate elaborates elaborated elaborating          | strong
email        | email emails emailed emailing                        | strong noun
emphasise    | emphasise emphasises emphasised emphasising          | strong inverts that
emphasize    | emphasize emphasizes emphasized emphasizing          | strong inverts that
estimate     | estimate estimates estimated estimating              | strong clause
exclaim      | exclaim exclaims exclaimed exclaiming                | strong inverts
exhort       | exhort exhorts exhorted exhorting                    |
explain      | explain explains explained explaining                | strong inverts clause
frame        | frame frames framed framing                          |
fume         | fume fumes fumed fuming                              | strong inverts
hail         | hail hails hailed hailing                            |
hold         | hold holds held holding                              |
insist       | insist insists insisted insisting                    | strong inverts clause
interject    | interject interjects interjected interjecting        | strong inverts
joke         | joke jokes joked joking                              | strong inverts noun
label        | label labels labeled labelled labeling labelling     |
lambaste     | lambaste lambastes lambasted lambasting              |
lament       | lament laments lamented lamenting                    | strong inverts
laud         | laud lauds lauded lauding                            |
laugh        | laugh laughs laughed laughing                        | strong inverts noun
liken        | liken likens likened likening                        |
mention      | mention mentions mentioned mentioning                | strong noun
mock         | mock mocks mocked mocking                            |
mourn        | mourn mourns mourned mourning                        | strong
murmur       | murmur murmurs murmured murmuring                    | strong inverts
muse         | muse muses mused musing                              | strong inverts
mutter       | mutter mutters muttered muttering                    | strong inverts
nickname     | nickname nicknames nicknamed nicknaming              |
note         | note notes noted noting                              | strong inverts clause noun
object       | object objects objected objecting                    | strong inverts noun
observe      | observe observes observed observing                  | strong inverts
opine        | opine opines opined opining                          | strong inverts
paint        | paint paints painted painting                        |
pan          | pan pans panned panning                              |
plead        | plead pleads pleaded pleading                        | strong inverts noun
pledge       | pledge pledges pledged pledging                      | strong that
portray      | portray portrays portrayed portraying                |
posit        | posit posits posited positing                        | strong
post         | post posts posted posting                            | strong that noun
praise       | praise praises praised praising                      |
preach       | preach preaches preached preaching                   |
predict      | predict predicts predicted predicting                | strong inverts clause
proclaim     | proclaim proclaims proclaimed proclaiming            | strong inverts
promise      | promise promises promised promising                  | strong that
protest      | protest protests protested protesting                | strong inverts noun
question     | question questioned                                  | noun
quip         | quip quips quipped quipping                          | strong inverts noun
rate         | rate rates rated rating                              |
read         | read reads reading                                   |
recall       | recall recalls recalled recalling                    | strong inverts that
hammer       | hammer hammers hammered hammering                    |
recount      | recount recounts recounted recounting                | strong inverts
reference    | reference references referenced referencing          |
refer        | refer refers referred referring                      |
reiterate    | reiterate reiterates reiterated reiterating          | strong inverts
reject       | reject rejects rejected rejecting                    |
remark       | remark remarks remarked remarking                    | strong inverts
remind       | remind reminds reminded reminding                    | strong
reply        | reply replies replied replying                       | strong inverts noun
report       | report reports reported reporting                    | strong inverts clause noun
respond      | respond responds responded responding                | strong inverts
retort       | retort retorts retorted retorting                    | strong inverts
reveal       | reveal reveals revealed revealing                    | strong that
ridicule     | ridicule ridicules ridiculed ridiculing              |
rule         | rule ruled                                           | strong noun
say          | say says said saying                                 | strong inverts clause
scoff        | scoff scoffs scoffed scoffing                        | strong inverts
scold        | scold scolds scolded scolding                        |
scream       | scream screams screamed screaming                    | strong inverts
shout        | shout shouts shouted shouting                        | strong inverts
sigh         | sigh sighs sighed sighing                            | strong inverts noun
sing         | sing sings sang sung singing                         |
slam         | slam slams slammed slamming                          |
snap         | snap snaps snapped snapping                          | strong inverts
sob          | sob sobs sobbed sobbing                              | strong inverts
speak        | speak speaks spoke spoken speaking                   |
speculate    | speculate speculates speculated speculating          | strong inverts
state        | state states stated stating                          | strong inverts noun
stress       | stress stresses stressed stressing                   | strong inverts that
suggest      | suggest suggests suggested suggesting                | strong inverts clause
summarize    | summarize summarizes summarized summarizing          | strong inverts
summarise    | summarise summarises summarised summarising          | strong inverts
tease        | tease teases teased teasing                          | strong inverts
tell         | tell tells told telling                              | strong clause
term         | term terms termed terming                            |
testify      | testify testifies testified testifying               | strong that
text         | text texts texted texting                            | strong noun
think        | think thinks thought thinking                        | clause
thunder      | thunder thunders thundered thundering                | strong inverts
title        | title titles titled titling                          |
tout         | tout touts touted touting                            |
tweet        | tweet tweets tweeted tweeting                        | strong inverts clause noun
type         | type types typed typing                              | noun
urge         | urge urges urged urging                              | strong inverts
vow          | vow vows vowed vowing                                | strong inverts that
warn         | warn warns warned warning                            | strong inverts clause
welcome      | welcome welcomes welcomed welcoming                  |
whisper      | whisper whispers whispered whispering                | strong inverts
wonder       | wonder wonders wondered wondering                    | strong inverts
write        | write writes wrote written writing                   | strong inverts clause
yell         | yell yells yelled yelling                            | strong inverts
"""

# Two-word cues: the verb counts only with its particle ("pointed out", "went on", "shot back").
PHRASAL_CUES = {
    "pointed": {"out"},
    "points": {"out"},
    "went": {"on", "after"},
    "put": {"it"},  # "as she put it"; "the advice put her state in a “good position”" is no speech
    "puts": {"it"},
    "putting": {"it"},
    "goes": {"on", "after"},
    "gone": {"after"},
    "going": {"after"},
    "shot": {"back"},
    "shoots": {"back"},
    "fired": {"back"},
    "fires": {"back"},
    "chimed": {"in"},
    "chimes": {"in"},
    "weighed": {"in"},
    "spoke": {"out"},
    "speaks": {"out"},
    "summed": {"up"},
    "piped": {"up"},
    "lashed": {"out"},
    "hit": {"back"},
    "hits": {"back"},
    "took": {"aim"},
    "takes": {"aim"},
}

FLAGS = frozenset({"strong", "inverts", "clause", "that", "noun"})


@dataclass(frozen=True)
class CueVerb:
    """One cue verb: its forms and what it can do (see the module docstring for the flags)."""

    lemma: str
    forms: tuple[str, ...]
    strong: bool
    inverts: bool
    clause: str | None  # "bare" (say family), "that", or None: reports no clause
    noun_like: bool

    @property
    def cue_forms(self) -> tuple[str, ...]:
        """The forms that are cues: a noun-like verb's base form is not one."""
        return self.forms[1:] if self.noun_like else self.forms


def _parse(table: str) -> dict[str, CueVerb]:
    cues = {}
    for line in table.strip().splitlines():
        lemma, forms, flags = (part.split() for part in line.split("|"))
        unknown = set(flags) - FLAGS
        if unknown:
            raise ValueError(f"cue {lemma[0]}: unknown flags {sorted(unknown)}")
        clause = "bare" if "clause" in flags else "that" if "that" in flags else None
        cues[lemma[0]] = CueVerb(lemma[0], tuple(forms), "strong" in flags, "inverts" in flags, clause, "noun" in flags)
    return cues


CUES = _parse(_TABLE)

CUE_FORMS = {form: cue.lemma for cue in CUES.values() for form in cue.cue_forms}  # form -> lemma
STRONG_CUES = frozenset(form for form, lemma in CUE_FORMS.items() if CUES[lemma].strong)
PARTICIPLE_CUES = frozenset(form for form in CUE_FORMS if form.endswith("ing"))
# Forms that may stand before their subject: "said Lacey". A past or present form, never "-ing".
INVERTING_CUES = frozenset(
    form for form, lemma in CUE_FORMS.items() if CUES[lemma].inverts and not form.endswith("ing")
)
CLAUSE_LEMMAS = {cue.lemma: cue.clause for cue in CUES.values() if cue.clause}
# Any cue form or "according": a cheap test that lets sentences without one skip tokenising.
CUE_WORDS = frozenset(CUE_FORMS) | frozenset(PHRASAL_CUES) | {"according"}
