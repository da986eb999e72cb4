"""Word lists and compiled patterns shared by the extraction modules.

Everything language-specific lives here so that the rules in the other modules
read as rules, and a newcomer adding a cue verb or a title changes one list.
"""

import re

# Upper-case letters, Latin-1 and Latin Extended-A included ("Ángel", "Łukasz").
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"

# The cue verbs are one table of their own: cues.py.

LOWER_WORD = re.compile(r"[a-z]+")

# --- speakers --------------------------------------------------------------

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "i": None,
    "we": "p",
    "it": "n",
    "he’s": "m",
    "he's": "m",
    "she’s": "f",
    "she's": "f",
    "he’d": "m",
    "he'd": "m",
    "she’d": "f",
    "she'd": "f",
    "they’re": "p",
    "they're": "p",
    "they’ve": "p",
    "they've": "p",
}

# Words that may stand between a speaker and the cue verb ("Lacey later said").
ADVERBS = set(
    """
    also later then previously recently once again further simply just often frequently
    flatly repeatedly publicly privately reportedly has had have will would could should
    may might did does do is was were are been being not never even quickly quietly
    angrily bluntly directly firmly emotionally tearfully finally initially earlier
    ultimately only still already separately specifically explicitly herself himself
    themselves itself sometimes rightly wrongly falsely correctly accurately famously
    memorably infamously openly bluntly candidly proudly defiantly calmly sharply
    immediately first then-
""".split()
)

# Capitalised words that are not names when they begin a run.
CAPITALISED_FUNCTION_WORDS = set(
    """
    The A An And But Or Nor So Yet For If When While As After Before Since Until
    Because Although Though In On At By From With Without Of To Into Over Under
    About Against Between Among Through During Despite This That These Those There
    Here It Its He She They We I You His Her Their Our My Your Who What Where Why
    How Which Whose Whom Asked Speaking Still Now Then Also Yes No Not
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Meanwhile However
    Instead Indeed Later Earlier Today Tonight Yesterday Tomorrow Last Next Every
    Each Some Many Most Several Both All Any Another Other One Two Three Even Just
    Only According Like Unlike Given Following Under Amid Across Toward Towards
""".split()
)

TIME_WORDS = set(
    """
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
    morning afternoon evening night day last next this earlier later soon shortly afterwards week month year weekend
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)

MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()

# Titles and offices dropped from canonical names ("D.A. Jackie Lacey" -> "Jackie Lacey").
TITLES = set(
    """
    mr mrs ms miss dr prof sir dame lord lady rev gen col lt sgt capt cmdr adm maj cpl
    sen senator rep representative gov governor president vice pres mayor judge justice
    chief sheriff secretary minister prime chancellor ambassador attorney general
    district da d.a. d.a prosecutor commissioner councilman councilwoman councilmember
    chairman chairwoman chair ceo cfo coo director deputy assistant speaker leader
    king queen prince princess pope bishop father sister brother officer detective
    agent inspector superintendent candidate nominee spokesman spokeswoman spokesperson
    host anchor correspondent columnist editor reporter analyst professor dean
    founder co-founder executive manager coach former then late acting interim
    state county city federal u.s. us national gop democratic republican democrat
    congressman congresswoman lawmaker delegate trustee treasurer comptroller auditor
    first lady gen. sen. rep. gov. mr. mrs. ms. dr. prof. lt. col. sgt. capt. rev. pres.
    supt. atty. sec. st. member activist physicist economist strategist pollster
    assemblyman assemblywoman assemblymember alderman alderwoman supervisor councilor councillor
    selectman premier envoy admiral marshal magistrate trooper constable principal rabbi imam pastor
    reverend cardinal archbishop lawyer attorney-general president-elect mp mep adviser advisor
    det det. insp insp. const const. supt pc pcso dc ds di dci dsi dcs acc dcc
    lieutenant captain sergeant corporal colonel commander
    taoiseach tanaiste tánaiste td msp mla coroner dep dep. asst asst. chief-executive
    alhaji alhaja comrade hon hon. shri smt mallam datuk dato cllr cllr. fr fr. engr engr. barr barr.
    dcp acp sp asp csp ssp dsp igp aig brigadier brig brig. mec mca sheikh prophet evangelist apostle
    justices judges senators councillors councilors commissioners ministers coun coun.
""".split()
)

# What an office is of or for, between its title and the holder's name: "Chief of Police Ann Wells",
# "Minister for Foreign Affairs Penny Wong", "Director of Public Health Tom Hale". The capitalised run
# before the cue starts after "of" or "for", so these words would otherwise lead the name.
OFFICE_PORTFOLIOS = set(
    """
    police fire health staff communications communication defense defence justice education interior homeland
    security finance treasury transportation transport commerce labor labour energy agriculture veterans
    affairs housing operations safety foreign home environment policy research marketing technology
    intelligence elections emergency public development trade industry immigration culture tourism sport
    sports infrastructure economy social human resources planning information digital science innovation
    welfare fisheries water climate protocol corrections schools medicine state the
    railways railway roads works mines petroleum power lands youth budget revenue local government women
    children family trade external internal national works aviation ports shipping forestry wildlife
    """.split()
)

# A person described by age, the head of a speaker phrase: "the 23-year-old said".
AGE_WORD = re.compile(r"\d{1,3}-year-old")

# Epithets: what news calls a person it has just named, instead of the name ("the singer said", "the
# Nashville star added", "the mother-of-two told the court"). Unlike an office ("the mayor") they are
# no title anyone holds, so they go to the person named nearest unless the article gave the word to
# someone, or introduced a person by it without a name ("a singer from Leeds …").
EPITHETS = set(
    """
    star superstar singer actress actor rapper musician songwriter comedian author writer novelist poet
    artist presenter broadcaster athlete player striker midfielder defender goalkeeper winger forward
    batsman bowler boxer fighter golfer swimmer sprinter cyclist jockey skier quarterback pitcher veteran
    youngster teenager teen billionaire entrepreneur influencer republican democrat
    """.split()
)
PARENTS = "mother|father|mum|mom|dad|grandmother|grandfather"
PARENT_OF = re.compile(rf"(?:{PARENTS})-of-\w+")  # UK: "the mother-of-two"

# Social platforms: where a post appears, never who posts it ("she wrote on Instagram").
PLATFORMS = set(
    """
    twitter facebook instagram tiktok youtube threads x snapchat linkedin reddit whatsapp telegram bluesky
    weibo wechat mastodon tumblr pinterest twitch discord substack
    """.split()
)

# Titles that may stand before a bare surname ("Sen. Warren", "President Obama").
HONORIFICS = set(
    """
    mr mrs ms miss dr prof sir dame lord lady rev gen col lt sgt capt cmdr adm maj sen senator
    rep representative gov governor president mayor judge sheriff chancellor minister speaker
    congressman congresswoman pope king queen prince princess d.a. da chairman chairwoman
    secretary ambassador commissioner councilman councilwoman detective officer coach
    mr. mrs. ms. dr. prof. rev. gen. col. lt. sgt. capt. sen. rep. gov. pres. sens. reps. sens reps
    det det. insp insp. supt supt. pc dc ds di dci dsi dcs
    chief deputy trooper superintendent principal inspector sergeant lieutenant captain coroner
    taoiseach tanaiste tánaiste dep dep. asst asst. alhaji alhaja comrade hon hon. shri smt mallam datuk
    dato cllr cllr. fr fr. engr engr. barr barr. brigadier sheikh coun coun.
""".split()
)

# Heads of descriptions whose embedded name is the speaker ("the official BLM-LA Twitter account").
ACCOUNT_HEADS = {
    "account",
    "accounts",
    "feed",
    "handle",
    "page",
    "website",
    "site",
    "blog",
    "channel",
    "statement",
    "release",
    "tweet",
    "post",
}

# Heads that mark a description as a news organisation, for "the outlet", "the paper".
OUTLET_WORDS = {
    "times",
    "post",
    "journal",
    "news",
    "press",
    "tribune",
    "herald",
    "globe",
    "gazette",
    "chronicle",
    "reuters",
    "ap",
    "cnn",
    "msnbc",
    "nbc",
    "cbs",
    "abc",
    "fox",
    "npr",
    "bbc",
    "politico",
    "bloomberg",
    "axios",
    "guardian",
    "telegraph",
    "review",
    "magazine",
    "wire",
    "daily",
    "examiner",
    "observer",
    "sun",
    "star",
    "register",
    "inquirer",
    "bulletin",
    "courier",
    "dispatch",
    "record",
    "standard",
}
OUTLET_NOUNS = {
    "outlet",
    "newspaper",
    "paper",
    "network",
    "publication",
    "broadcaster",
    "magazine",
    "station",
    "daily",
    "site",
    "website",
}

# Nouns that can head a description speaker ("the mayor", "a spokesman", "officials").
SPEAKER_NOUNS = set(
    """
    spokesman spokeswoman spokesperson official officials source sources aide aides adviser
    advisers advisor advisors analyst analysts expert experts lawyer lawyers attorney
    attorneys journalist journalists reporter reporters group groups protesters protester
    organization organisation account campaign committee department agency report reports
    poll polls survey study statement researchers economist economists critics critic
    supporters supporter residents resident voters voter people police gardaí gardai officers officer
    authorities administration government office company firm union members member leader
    leaders candidate nominee president senator governor mayor lawmakers lawmaker democrats
    republicans activists activist founder chairman chairwoman director executive ceo chief
    sheriff judge prosecutor prosecutors investigators investigator witnesses witness
    friend friends family mother father mom dad wife husband son daughter sister brother
    host anchor commentator pundit columnist editor editors editorial writer author authors biographer executives
    historian professor scientist scientists doctor doctors neighbor neighbors owner
    manager worker workers employees employee teacher teachers student students parents
    woman man women men coach player players fan fans observers insiders strategist
    strategists pollster pollsters operative operatives staffer staffers team
    newspaper paper outlet network website site agency ministry council court panel board
    commission party movement coalition association institute center foundation
    incumbent challenger rival opponent opponents secretary minister ambassador
    spokespeople representatives representative congressman congresswoman delegate
    delegates caller callers audience crowd truth tweet post memo letter email emails
    document documents filing complaint lawsuit data figures numbers statistics
    organizers organizer participants veterans victims victim relatives relative
    narrator book ruling decision opinion indictment ad video article piece story editorial
    column release transcript analysis lawsuit order spokesmen businessman businesswoman
    entrepreneur billionaire mogul mother father surrogate consultant lobbyist senators
""".split()
)

DETERMINERS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "one",
    "another",
    "two",
    "three",
    "four",
    "several",
    "some",
    "many",
    "other",
    "both",
    "this",
    "that",
    "these",
    "those",
    "most",
    "few",
    "numerous",
    "various",
}

# Words that end a noun phrase when walking back from a cue verb.
NP_BREAKERS = set(
    """
    and or but nor so yet that which who whom whose when where while as if because
    although though since until unless after before than then to in on at by with
    from into onto over under about against between among through during despite
    without within upon is are was were be been being has have had do does did
    not no this these those there here it's it’s what how why
""".split()
)

# Subordinators and prepositions that open an introductory phrase ("After the vote, Lacey said...").
INTRO_WORDS = set(
    """
    after before when while as since until because although though if in on at by
    with without during despite following amid speaking asked giving addressing
    responding writing referring like unlike given for from over under across
    toward towards throughout upon once
""".split()
)

# First names with a usual gender, for resolving "he" and "she" when the text gives no other clue.
FEMALE_NAMES = set(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline jackie frances
    gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace
    denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie
    isabella charlotte rose alexis kayla hillary chelsea melania ivanka nikki kamala
    nancy elizabeth sarah condoleezza michele oprah madonna patrisse alicia opal
    huma kellyanne hope jill tulsi dianne maxine ilhan alexandria susan lisa liz
    angela theresa marine sheila stacey keisha lori muriel gina janet lindsey kirsten
    amy tammy debbie claire jeanne heidi gretchen melanie ivana tiffany melia jane anne kate
    ellen susanna tina carly meghan kristen erin leslie wendy holly vanessa valerie yvonne
    priyanka kavita sunita anita sonia neha divya shreya lakshmi meera nirmala smriti mamata
    maryam fatima sana hina nusrat bisi funmi folake ngozi chioma adaeze amina aisha
    thandi nomvula lindiwe naledi zanele wanjiru akinyi grace wairimu leni risa imee liza nicola
""".split()
)
MALE_NAMES = set(
    """
    james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
    raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
    kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin
    carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert
    willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
    philip louis barack bernie bill mike ted marco chris jeb rand ben rudy newt mitch
    chuck harry reid tim reince rahm jared eric hunter beto pete cory bernard vladimir
    xi kim emmanuel boris justin benjamin shinzo recep hassan rodrigo enrique nicolas
    alex gavin jerry kevin rick rob ron lindsey jim jon joel ken lou matt nick sam steve
    tom tony travis troy vince shaun reed rahje fidel jesse al dick gascon gascón
    doug pat phil rahul anil amit sunil deepak rajesh suresh ramesh vijay sanjay arvind narendra
    devendra yogi arjun ravi rakesh manoj ashok nitin piyush rajnath shehbaz fawad asif
    nawaz bilawal imran shahid tunde gbenga femi segun chidi emeka nnamdi kola jide
    sipho thabo cyril jacob mmusi julius fikile uhuru raila william kithure ferdinand bongbong
""".split()
)

SENTENCE_ABBREVIATIONS = set(
    """
    mr mrs ms dr prof sr jr st sen rep gov gen col lt sgt capt cmdr adm maj rev pres
    sens reps govs inc co corp ltd llc no vs etc jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u l.a d.a d.c n.y a.m p.m ph.d i.e e.g mt ft ave blvd dept univ det insp const supt cpl
    dep asst coun
""".split()
)

# Social posts: "… — Name (@handle) Month D, YYYY" closing a paragraph.
# Possessive quantifiers and the look-behind keep the search linear on long runs of spaces (the
# look-behind comes after the first space, so the engine still skips quickly to the next one).
# The name is what stands between the dash and "(@", stripped (or one space when nothing does).
SOCIAL_SIGNATURE = re.compile(
    r"\s(?<!\s\s)\s*+[—–―-]{1,2}"
    r"(?:\s*+(?P<name>[^\s—–―()][^\n—–―()]{0,79}?)\s*+|\s++)\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>(?:" + "|".join(MONTHS) + r")\.? \d{1,2}, \d{4})\s*$"
)

# Header line of plain-text articles: "date 2020-11-06 https://…".
HEADER_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<url>\S+))?\s*\n")

# --- entity types ------------------------------------------------------------
# Evidence the text itself carries about what a name is: a person, an organisation, a place, or
# something else (an event, a work, a heading). See names.EntityIndex.kind_of.

# A word that makes a name an organisation: "World Health Organization", "Arsenal FC", "Acme Inc".
ORGANISATION_WORDS = set(
    """
    organization organisation organizations organisations association associations institute university college
    school academy hospital clinic foundation fund trust charity society council committee commission board
    agency authority bureau department ministry office service services administration government parliament
    congress senate assembly court tribunal police guard army navy force forces corps command party union league
    federation confederation club fc afc cf united inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa
    gmbh patrol company companies group holdings partners bank capital ventures labs systems technologies airlines
    airways motors industries media network networks studios records entertainment pictures press
    coalition alliance movement campaign church mosque synagogue temple diocese nations network observatory
    telescope collaboration consortium laboratory laboratories nasa fbi cia who un nato eu centers centres enforcement
    """.split()
)

# Seats of government that speak for it: "Downing Street said", "the Kremlin said" (a place word or
# none would make a place of them, and a place never speaks).
GOVERNMENT_SEATS = {
    "downing street",
    "number 10",
    "no 10",
    "white house",
    "kremlin",
    "pentagon",
    "elysee",
    "elysee palace",
    "whitehall",
    "vatican",
    "blue house",
    "zhongnanhai",
    "quai d orsay",
    "foggy bottom",
}

# What a national body is for, before the country it serves: "Health Canada", "Cricket Australia",
# "Public Health England". Such a name has the shape of a person's ("Kathy Ireland"), and given-name
# lists are too short to tell them apart; these words are never a given name.
NATIONAL_BODY_FIELDS = set(
    """
    public health sport sports cricket rugby football soccer tennis hockey netball athletics swimming cycling
    golf basketball baseball rowing sailing gymnastics boxing statistics stats parks tourism transport heritage
    historic natural revenue immigration customs elections education justice water energy trade border food
    """.split()
)

# A nationality used for a person already named: "the Spaniard said", "the Brazilian added".
DEMONYM = re.compile(
    r"[A-Z][a-z]+(?:ian|ean|ese|ard|man)|Scot|Swede|Dane|Finn|Pole|Turk|Greek|Brit|Kiwi|Aussie|Swiss|Czech|Thai"
)

# Words that head a body's name which goes on after "of" or "for": "Bank of England", "Center for American
# Progress" ("center" alone is a place word: "Lincoln Center").
BODY_HEADS = ORGANISATION_WORDS | {"center", "centre"}

# A word that makes a name a place: "Windsor Castle", "National Mall", "Wicomico County".
PLACE_WORDS = set(
    """
    street st. avenue ave road rd boulevard blvd lane square park castle palace hall centre center stadium arena
    mall bridge river lake mountain mountains island islands airport station county city state province region
    district valley bay coast beach harbor harbour port canyon desert forest ocean sea gulf strait peninsula
    heights hills village town borough parish township territory republic kingdom
    """.split()
)

# A word that makes a name an event, a period or a work, never a speaker: "World War II", "Super Bowl".
EVENT_WORDS = set(
    """
    war wars election elections olympics olympic games cup championship championships summit conference
    festival tournament series season bowl awards award prize act bill amendment law treaty accord agreement
    pandemic crisis day week month year era age revolution covid-19 covid
    """.split()
)

# Prepositions that put a name in a place: "said from Windsor Castle", "the shooting in Salisbury".
PLACE_PREPOSITIONS = {"in", "near", "outside", "across", "throughout", "from", "around", "inside", "within"}

# Roles inside an organisation: "OpenAI’s board", "the CEO of Acme" make the possessor an organisation.
ORGANISATION_ROLES = set(
    """
    board ceo cfo coo cto chief chairman chairwoman chair president founder co-founder employees staff
    spokesman spokeswoman spokesperson spokespeople shareholders investors headquarters executives
    directors members subsidiary
    """.split()
)

# Descriptions that stand for an organisation the article named: "the company said", "the board wrote".
ORGANISATION_HEADS = set(
    """
    company firm board club team organization organisation agency group charity foundation union league
    startup start-up maker retailer airline bank university hospital department ministry council committee
    coalition operator developer manufacturer
    """.split()
)

# Descriptions of a business: "the company" is never the Coast Guard or a ministry.
BUSINESS_HEADS = {
    "company",
    "firm",
    "startup",
    "start-up",
    "maker",
    "retailer",
    "airline",
    "operator",
    "developer",
    "manufacturer",
    "bank",
}
PUBLIC_BODY_WORDS = set(
    """
    guard army navy police department ministry agency administration government council committee commission
    court parliament congress senate assembly party university college school hospital nations union
    """.split()
)

# Documents that speak for whoever issued them: "the statement added", "the post reads".
STATEMENT_HEADS = {
    "statement",
    "statements",
    "post",
    "release",
    "letter",
    "announcement",
    "message",
    "memo",
    "note",
    "tweet",
    "email",
    "filing",
    "blog",
}

# Roles that name nobody in particular: "a spokesman said" stays a description.
ANONYMOUS_ROLES = set(
    """
    spokesman spokeswoman spokesperson official officials source sources aide aides adviser advisers advisor
    witness witnesses resident residents neighbor neighbour friend friends relative relatives member members
    person people man woman
    """.split()
)

# Occupations that stand before a name like a title: "actress Amber Heard", "head coach Hugo Broos".
ROLE_NOUNS = set(
    """
    actor actress singer rapper musician star player striker midfielder defender goalkeeper captain coach
    manager astronomer astrophysicist physicist scientist researcher engineer director producer writer author
    novelist poet artist designer model comedian presenter broadcaster journalist lawyer attorney barrister
    doctor surgeon nurse professor teacher student chef pilot officer soldier general admiral commander
    sergeant detective chief head leader boss executive ceo founder co-founder chairman chairwoman president
    minister secretary governor mayor senator lawmaker legislator candidate spokesman spokeswoman spokesperson
    ambassador envoy diplomat judge prosecutor economist analyst strategist investor entrepreneur billionaire
    businessman businesswoman activist campaigner organizer organiser pastor priest rabbi imam bishop cardinal
    pope king queen prince princess duke duchess monarch premier chancellor commissioner inspector
    superintendent sheriff deputy trainer boxer fighter athlete runner swimmer cyclist golfer skater sprinter
    quarterback pitcher bowler batsman batter winger skier jockey forward rookie referee
    umpire teammate catcher meteorologist coroner
    neighbour neighbor resident witness rescuer bystander passenger driver volunteer owner shopkeeper farmer
    administrator coordinator clerk planner specialist technician dispatcher firefighter paramedic weaver potter
    carver baker butcher tailor drummer guitarist bassist vocalist frontman frontwoman
    """.split()
)

# US states as news styles abbreviate them: "Salisbury, Md.", "Richmond, Va."
STATE_ABBREVIATIONS = (
    "Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. "
    "Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. "
    "W.Va. Wis. Wyo."
).split()


# Unions read on every name (built once here, not at each call).
THING_WORDS = ORGANISATION_WORDS | PLACE_WORDS | EVENT_WORDS  # an organisation, a place or an event
