"""Attribution on the habits of many outlets: cases modelled on real public news pages, in our own words.

We read about fifty public pages (wire copy, US local TV and papers, UK and Australian papers, government and
company press releases, radio and press-conference transcripts, sport, court, business, science, celebrity
posts and tweets), noted how each one attributes its quotes, and wrote one invented fixture per habit: the
names and sentences below are made up, only the pattern is the outlet's.

Each row is (label, article text, [(quote text, speaker)]): the quotes the extractor must find, in order, and
who said them. CASES are habits we handle. KNOWN_FAILURES are habits we get wrong today, with the reason, as
strict xfails: fixing one makes its test fail until the row moves into CASES.
"""

import pytest

from quotes_api.extract import extract_quotes

WIRE = [
    (
        "wire: 'according to Sen. X, who said' is X",
        "Three senators spoke, according to Sen. Lee Harmon, who said they gave “some very strong speeches.”",
        [("some very strong speeches.", "Lee Harmon")],
    ),
    (
        "wire: a closing ', said X, a state fire spokesman.' after a phrase",
        "“Right now we are short on crews” because of the heat, said Dev Malhotra, a state fire spokesman.",
        [("Right now we are short on crews", "Dev Malhotra")],
    ),
    (
        "AP: 'the Nebraska Republican' is the senator just named",
        "Sen. Harold Penwick, R-Neb., said the talks stalled. “We are nowhere close,” the Nebraska Republican said.",
        [("We are nowhere close", "Harold Penwick")],
    ),
    (
        "Indian wire: 'was quoted saying by' an agency",
        "“Traffic has resumed on the highway,” Inspector Harpreet Gill was quoted saying by news agency PTI.",
        [("Traffic has resumed on the highway", "Harpreet Gill")],
    ),
    (
        "Pakistani papers: the first two names of a fuller name are that person",
        "Water Minister Rana Saleem Akhtar met traders on Friday.\n\n“We will finish by June,” Rana Saleem said.",
        [("We will finish by June", "Rana Saleem Akhtar")],
    ),
    (
        "Kenyan papers: 'it added' is the organisation just named",
        "The Northshire Teachers Union said in a statement that parents were misled.\n\n"
        "“His claims are a distraction,” it added.",
        [("His claims are a distraction", "Northshire Teachers Union")],
    ),
    (
        "a quoted headline is a title, not a quote of the reporter",
        "Under the headline “Ministers ignored flood warnings”, reporter Sean Daly wrote that the council knew.",
        [],
    ),
    (
        "wire: a sentence of partial quotes ending ', X told reporters on Thursday.' gives X all of them",
        "The leaks were “insulting” and “reckless,” chief executive Tara Quinlan told reporters on Thursday.",
        [("insulting", "Tara Quinlan"), ("reckless", "Tara Quinlan")],
    ),
    (
        "wire: a time after the closing cue, 'officials said Monday.'",
        "Flu cases climb as the state enters a “dangerous stretch” of the season, health officials said Monday.",
        [("dangerous stretch", "health officials")],
    ),
    (
        "wire: a place after 'in' never speaks, whoever stands before it",
        "The county attorney's office in Westland said it was “always careful” with the press. "
        "A spokesman in Eastbridge said the claim was “false”. Nia Lloyd in Northam called it “a relief”.",
        [("always careful", "The county attorney's office"), ("false", "A spokesman"), ("a relief", "Nia Lloyd")],
    ),
    (
        "wire: a description, then the person's name between commas, after the quote",
        "“The numbers are clear,” the governor’s spokeswoman, Nia Lloyd, said.",
        [("The numbers are clear", "Nia Lloyd")],
    ),
    (
        "wire: two lower-case particles inside a name, and the surname alone later",
        "Commission President Marta van der Berg said the deal was “within reach”.\n\n"
        "Van der Berg added: “We will not wait for ever.”",
        [("within reach", "Marta van der Berg"), ("We will not wait for ever.", "Marta van der Berg")],
    ),
    (
        "wire: an office of two words, 'National Security Adviser', before the name",
        "National Security Adviser Ann Wells said: “We have made our position clear.”",
        [("We have made our position clear.", "Ann Wells")],
    ),
    (
        "wire: a party and state after the name, between commas",
        "Sen. Ana Ruiz, R-Texas, said the bill was “dead on arrival.” Rep. Tom Hale, D-N.Y., called it “a start.”",
        [("dead on arrival.", "Ana Ruiz"), ("a start.", "Tom Hale")],
    ),
    (
        "wire: a dateline in capitals before a titled name",
        "LONDON (Reuters) - Chief executive Ann Wells said on Monday: “We are on track.”",
        [("We are on track.", "Ann Wells")],
    ),
    (
        "wire: a spokesman's partial quote after 'told reporters … that'",
        "Col. Amos Brant, an army spokesman, told reporters Thursday that troops “are ready to move if ordered,” "
        "but that no order had come.",
        [("are ready to move if ordered", "Amos Brant")],
    ),
    (
        "wire digest: short partial quotes carried by 'says' and 'stressed'",
        "President Ada Voss says farmers are “really worn out” after two dry years. "
        "But she stressed that a shortage was “not certain” yet.",
        [("really worn out", "Ada Voss"), ("not certain", "Ada Voss")],
    ),
]

PRESS_RELEASES = [
    (
        "an appositive whose closing comma is missing: the name that opens the sentence speaks",
        "Tessa Marlowe, chief executive of Brindle Foods said: “This is a landmark day.”",
        [("This is a landmark day.", "Tessa Marlowe")],
    ),
    (
        "a participle and a comma before a name is no appositive: 'Responding, Mr Kenny said'",
        "Responding, Mr Kenny said: “I see no problem.”",
        [("I see no problem.", "Kenny")],
    ),
    (
        "government release: a second sentence of the quote after the cue",
        "“Nina Holt knows how to run things,” Trade Secretary Paul Dorn said. “She will cut our waiting times.”",
        [("Nina Holt knows how to run things", "Paul Dorn"), ("She will cut our waiting times.", "Paul Dorn")],
    ),
    (
        "company release: 'Mr.' and a surname reach the full name",
        "Grayline Corp today announced that Fred Young has resigned as CEO.\n"
        "Mr. Young stated, “These nine years were a privilege.”",
        [("These nine years were a privilege.", "Fred Young")],
    ),
    (
        "company release: present-tense 'says' after a quote, the title before the name",
        "“Leading Norvik was a joy,” says Group CEO Lars Holm-Berg.",
        [("Leading Norvik was a joy", "Lars Holm-Berg")],
    ),
    (
        "company release: a participle lead-in, the title after the name, a colon and the next line",
        "Commenting on the news, Eva Lund, Chair of the Norvik Board, says:\n“The board will miss his drive.”",
        [("The board will miss his drive.", "Eva Lund")],
    ),
    (
        "company release: the role before the name, set off by commas",
        "VP of Sales, Jamie Rook, commented, “Our city is growing fast.”",
        [("Our city is growing fast.", "Jamie Rook")],
    ),
    (
        "company release: a title and a description after the name, no comma before 'said'",
        "Alan Pierce, Area Manager and a Denver native said, “The bigger depot lets us hire.”",
        [("The bigger depot lets us hire.", "Alan Pierce")],
    ),
    (
        "government release: a curly opening mark closed by a straight one",
        'Premier Ann Kerr spoke on Monday.\n\n“The budget gives $12 million to the clinic," she said.',
        [("The budget gives $12 million to the clinic", "Ann Kerr")],
    ),
]

LOCAL_NEWS = [
    (
        "local TV: 'according to a news release from the sheriff's office' is the office",
        "“The suspect is in custody,” according to a news release from the sheriff's office.",
        [("The suspect is in custody", "the sheriff's office")],
    ),
    (
        "local TV: a second verb after ', and' shares the sentence's subject",
        "Sheriff Ana Ruiz said the rumor was false, and called it “pure fiction.”",
        [("pure fiction.", "Ana Ruiz")],
    ),
    (
        "local TV: ', but said' shares the subject too",
        "Sheriff Ana Ruiz was calm, but said, “We will find him.”",
        [("We will find him.", "Ana Ruiz")],
    ),
    (
        "a list of verbs with no subject gives no speaker, not the first verb",
        "Preys on our fears, and calls people “losers” daily.",
        [],
    ),
    (
        "local TV: 'the spokeswoman' is the one the story named",
        "District spokeswoman Ann Lee said classes resume Monday.\n\n“Counselors will be there,” the spokeswoman said.",
        [("Counselors will be there", "Ann Lee")],
    ),
    (
        "local TV: the dateline place never takes a 'he' for itself",
        "MILLBROOK — Tom Hale said he heard shots on Sunday.\n\n“I hid in the bathroom,” he said.",
        [("I hid in the bathroom", "Tom Hale")],
    ),
    (
        "local TV: with no one named, the dateline is not the speaker",
        "MILLBROOK — A neighbor said he heard shots on Sunday.\n\n“I hid in the bathroom,” he said.",
        [("I hid in the bathroom", None)],
    ),
    (
        "local news: a passive cue later in the sentence does not take the quote from 'said'",
        "A police spokesman said officers were called at 2am and a man was “pronounced dead at the scene”.",
        [("pronounced dead at the scene", "A police spokesman")],
    ),
    (
        "wire rewrite of local TV: 'was quoted as saying by' a station, and a spelled-out rank",
        "Police met the press on Sunday. “This was not random. It was targeted,” Police Chief Ray Ono was quoted "
        "as saying by a local station.\n\nPolice spokesman Lieutenant Jo Park said officers were getting "
        "“hourly” updates.",
        [("This was not random. It was targeted", "Ray Ono"), ("hourly", "Jo Park")],
    ),
    (
        "science and local news: bodies whose names go on with 'for' and 'and'",
        "According to the Centers for Pest Control and Prevention, the beetle is “highly invasive.” "
        "The Department of Parks and Recreation said the closure was “final”. "
        "“The numbers do not add up,” said the Institute for Fiscal Research.",
        [
            ("highly invasive.", "Centers for Pest Control and Prevention"),
            ("final", "Department of Parks and Recreation"),
            ("The numbers do not add up", "Institute for Fiscal Research"),
        ],
    ),
    (
        "local news: bodies whose names go on after 'of'",
        "The University of Eastbridge said the study was “robust”. “Rates will stay on hold,” said the Bank of "
        "Westland. According to a statement from the Department of Transport, the road “will reopen soon.”",
        [
            ("robust", "University of Eastbridge"),
            ("Rates will stay on hold", "Bank of Westland"),
            ("will reopen soon.", "Department of Transport"),
        ],
    ),
    (
        "local news: a person 'of' a body or a place speaks, not the body",
        "Nia Lloyd of the county council said it was “a good day”. Gov. Omar Reed of Westland said the plan "
        "was “overdue”. Tom Hale of Reuters said it was “fine”.",
        [("a good day", "Nia Lloyd"), ("overdue", "Omar Reed"), ("fine", "Tom Hale")],
    ),
    (
        "court report: the accused is called by age after being named",
        "Dale Pruitt appeared in court on Tuesday.\n\nThe 41-year-old told the judge he had “nothing to hide”.",
        [("nothing to hide", "Dale Pruitt")],
    ),
    (
        "local news: an organisation whose name starts with 'National' keeps it",
        "The National Farmers Association said it was “deeply disappointed” by the ruling.",
        [("deeply disappointed", "National Farmers Association")],
    ),
    (
        "local TV: 'said' straight after the closing mark, no comma",
        'Dave Bolt watched from his porch.\n\n"Then came a loud bang" said Bolt.',
        [("Then came a loud bang", "Dave Bolt")],
    ),
    (
        "local TV: the speaker's job after the name",
        '"It could have been much worse," said Josh Reed, Hill Valley Fire Chief.',
        [("It could have been much worse", "Josh Reed")],
    ),
    (
        "police briefing: a surname after the titled full name",
        "Public Safety Director Frank Moss announced the arrest at a news conference. "
        "“Could a second man be out there? Perhaps,” Moss said.",
        [("Could a second man be out there? Perhaps", "Frank Moss")],
    ),
    (
        "local paper: a reporter's question at a briefing and the chief's reply",
        "Police Chief Tom Dane faced the press.\n\n"
        "“Hours passed and we learnt little,” the reporter said. “What can we tell them?”"
        "\n\nDane replied, “We are still searching.”",
        [
            ("Hours passed and we learnt little", "the reporter"),
            ("What can we tell them?", "the reporter"),
            ("We are still searching.", "Tom Dane"),
        ],
    ),
    (
        "local paper: a quote split by 'the chief added,'",
        "Chief Tom Dane spoke last.\n\n“Please,” the chief added, “call it what it is.”",
        [("Please", "Tom Dane"), ("call it what it is.", "Tom Dane")],
    ),
    (
        "public radio: a speaker introduced with a colon, then the cue repeated with the surname",
        "Spokesman Sgt. Mark Fell said:\n\n“Our view is that a single gunman acted,” Fell said.",
        [("Our view is that a single gunman acted", "Mark Fell")],
    ),
]

UK_PAPERS = [
    (
        "UK papers: an inverted cue opening the sentence before a colon, 'Said the owner:'",
        "Tom Hale reopened the pub on Friday.\n\nSaid Mr Hale: “We are back.”",
        [("We are back.", "Tom Hale")],
    ),
    (
        "UK council report: 'the committee was told' names who heard it, not who said it",
        "The library is “stretched to breaking point”, the committee was told.",
        [],
    ),
    (
        "UK councils: 'Coun.' is a title",
        "“This plan is a mistake,” warned Coun. Peter Vance.",
        [("This plan is a mistake", "Peter Vance")],
    ),
    (
        "UK sport: a club's possessive before the subject of a bare quote",
        "Kingsbury’s Sam Pike did not excuse the display. “Pretty poor.”",
        [("Pretty poor.", "Sam Pike")],
    ),
    (
        "US local TV: a body's possessive before a name, then the surname alone",
        "Red Cross's Dale Whitford says shelters are open. “We had 90 people come in,” says Whitford.",
        [("We had 90 people come in", "Dale Whitford")],
    ),
    (
        "a plural title before two names: 'Justices Maria Estevan and Paul Drummond'",
        "Only Justices Maria Estevan and Paul Drummond dissented. “The majority ignores the law,” Estevan wrote.",
        [("The majority ignores the law", "Maria Estevan")],
    ),
    (
        "Irish papers: 'gardaí say' is the police speaking",
        "In a statement, gardaí say that a review of “the handling of the march” began on Friday.",
        [("the handling of the march", "gardaí")],
    ),
    (
        "a negated cue is nobody's words: 'had not told parliament “…”'",
        "Opposition leader Rory Dunne said the deal was a mistake.\n\n"
        "He also claimed the minister had not told parliament “the whole truth” about the costs.",
        [("the whole truth", "Rory Dunne")],
    ),
    (
        "wire: a place after 'in' does not speak; the clause's subject does",
        "The Dutch police officer leading the inquiry in Kent said he expected a “long” investigation.",
        [("long", "The Dutch police officer")],
    ),
    (
        "UK court report: 'adding' goes with the sentence's first reporting verb",
        "District Judge Fiona Marsh fined the woman £500.\n\n"
        "The mother said she had spoken to a social worker, adding: “Nobody told me to be there.”",
        [("Nobody told me to be there.", "The mother")],
    ),
    (
        "a name after a preposition is not the subject 'she' refers to",
        "Rosa Bell, 52, a neighbour of the family, called them “wonderful people”.\n\n"
        "Speaking after a vigil for Mrs Kane and her son, she said: “We are all heartbroken.”",
        [("wonderful people", "Rosa Bell"), ("We are all heartbroken.", "Rosa Bell")],
    ),
    (
        "UK paper: Downing Street speaks for the Prime Minister's office",
        "Downing Street said the Prime Minister had ‘full confidence’ in the minister.",
        [("full confidence", "Downing Street")],
    ),
    (
        "UK paper: ', describing X as “…”' after a clause with no comma before its subject",
        "Last month the council published its plan and Leader Rob Kalu appeared to blame landlords for the "
        "shortage, describing the backlog as “a drag on the whole town”.",
        [("a drag on the whole town", "Rob Kalu")],
    ),
    (
        "UK paper: 'was said to' is hearsay about the subject, not its words",
        "Councillor Rob Kalu spoke on Monday.\n\nThe borough was said to have a “huge empty-homes problem”.\n\n"
        "Mr Kalu said it was “a scandal”.",
        [("a scandal", "Rob Kalu")],
    ),
    (
        "UK police appeal: rank abbreviations before the name, with and without stops",
        "“We are appealing for witnesses,” said Det. Sgt. Rhys Cole of the county police.\n\n"
        "DCI Nia Lloyd said: ‘Someone saw something.’\n\n‘Please call us,’ said DCI Lloyd.",
        [
            ("We are appealing for witnesses", "Rhys Cole"),
            ("Someone saw something.", "Nia Lloyd"),
            ("Please call us", "Nia Lloyd"),
        ],
    ),
    (
        "UK paper: a rank without a full stop",
        "Lt Mike Hale, of the county sheriff’s office, spoke on Sunday.\n"
        "Lt Hale said the man “said nothing at all” when stopped.",
        [("said nothing at all", "Mike Hale")],
    ),
    (
        "UK paper: 'Sir' and a first name, a colon, and a quote over two paragraphs",
        "Sir Keith Marlow spoke in the Commons.\n\nSir Keith, raising a point of order, told the Commons:\n\n"
        "“I relied on a faulty briefing.\n\n“I correct the record now.”",
        [("I relied on a faulty briefing.\n\n“I correct the record now.", "Keith Marlow")],
    ),
    (
        "UK paper: single marks for a partial quote",
        "Meanwhile Chancellor Rita Shah has said she is ‘deeply sorry’ for attending the party.",
        [("deeply sorry", "Rita Shah")],
    ),
    (
        "UK paper: single marks after 'added' and a colon",
        "Fellow MP Tom Rudd added: ‘The plan makes no sense.’",
        [("The plan makes no sense.", "Tom Rudd")],
    ),
    (
        "UK science page: 'Dr' without a full stop and a relative clause after the name",
        "“Hype can mislead readers,” said Dr Marta Llorente, who studies economics at Bay University. "
        "“Repeat the test before you trust it.”",
        [("Hype can mislead readers", "Marta Llorente"), ("Repeat the test before you trust it.", "Marta Llorente")],
    ),
]

AUSTRALIAN_PAPERS = [
    (
        "NZ paper: a sentence's first word the article also prints in lower case is no name for 'she'",
        "Weaver Sela Moa explains the craft, which is different in each village.\n\n"
        "Different patterns mark births and weddings, she adds.\n\n“The work is shared by all.”",
        [("The work is shared by all.", "Sela Moa")],
    ),
    (
        "Australian release: 'Mr' and a quote over three paragraphs",
        "Premier Colin Barr praised the officers.\n\n“The officers did superb work,” Mr Barr said.\n\n"
        "“Nobody slept much this week.\n\n“The state owes them thanks.”",
        [
            ("The officers did superb work", "Colin Barr"),
            ("Nobody slept much this week.\n\n“The state owes them thanks.", "Colin Barr"),
        ],
    ),
    (
        "Australian paper: a lower-case title before the name",
        "“Passengers who grope others will be charged,” federal police detective superintendent Ross Kell said.",
        [("Passengers who grope others will be charged", "Ross Kell")],
    ),
    (
        "Australian live blog: 'the statement read' is the organisation that issued it",
        "Harbour Police have issued an update on the shooting.\n\n"
        "“Medics flew the driver to hospital,” the statement read.",
        [("Medics flew the driver to hospital", "Harbour Police")],
    ),
    (
        "Australian paper: a run of bare quotes after 'he said'",
        "Health Minister Sam Ortiz took the players to task.\n\n“The code keeps players safe,” he said.\n\n"
        "“Breaking it lets the fans down.”",
        [("The code keeps players safe", "Sam Ortiz"), ("Breaking it lets the fans down.", "Sam Ortiz")],
    ),
    (
        "Australian paper: an unnamed protester stays a description",
        "“Do not worry, folks,” one man said.",
        [("Do not worry, folks", "one man")],
    ),
]

SOCIAL_MEDIA = [
    (
        "celebrity news: 'she' after 'on Instagram' is the singer, never the platform",
        "Mia Torres has spoken out for the first time. The singer posted a video on Instagram, in which she "
        "told fans that “all is well”.\n\n“Don’t worry, I’ll be back very soon,” she said in the video.",
        [("all is well", "Mia Torres"), ("Don’t worry, I’ll be back very soon", "Mia Torres")],
    ),
    (
        "tweets: a politician's tweet",
        'Mayor Tim Crowe hit back on Monday. "The press makes things up daily," Crowe tweeted.',
        [("The press makes things up daily", "Tim Crowe")],
    ),
    (
        "tweets: the platform itself speaks",
        '"We have paused all new badges," Chirper said. "We will report back soon."',
        [("We have paused all new badges", "Chirper"), ("We will report back soon.", "Chirper")],
    ),
    (
        "tweets: 'she wrote in a thread'",
        "New chief executive Lina Yard commented on the new name.\n\n"
        "“Few brands get to start over,” she wrote in a thread.",
        [("Few brands get to start over", "Lina Yard")],
    ),
    (
        "tweets: single marks after 'tweeted,'",
        "Tech boss Elan Marsh mocked the award. Marsh tweeted, ‘Been there myself, friends.’",
        [("Been there myself, friends.", "Elan Marsh")],
    ),
    (
        "Instagram: a date lead, then a label's statement",
        'On May 31, Lee Ha Na posted on Instagram, "I need a rest."\n\n'
        'Her label Star Field stated, "The post went up by mistake."',
        [("I need a rest.", "Lee Ha Na"), ("The post went up by mistake.", "Star Field")],
    ),
    (
        "Instagram: 'had written' in the pluperfect",
        "Mia Lott apologised on Thursday.\n\nIn an earlier post Lott had written, “Off to the beach with the kids.”",
        [("Off to the beach with the kids.", "Mia Lott")],
    ),
]

BUSINESS = [
    (
        "markets copy: a cue word after 'said' is its object, not a second verb",
        "Shares of Zentro rose after chief executive Lin Park said demand was “stronger than ever.”",
        [("stronger than ever.", "Lin Park")],
    ),
    (
        "business wire: an analyst on the phone, then a bare quote after a sentence about him",
        "“The chief has set very hard goals,” Doug Arden, an analyst at Pell Partners, said in a telephone interview. "
        "He rates the shares a hold. “Profits beat my forecast.”",
        [("The chief has set very hard goals", "Doug Arden"), ("Profits beat my forecast.", "Doug Arden")],
    ),
    (
        "business paper: 'told investors' and a colon",
        "Chief executive Steve Hart told investors: “We now see a bigger market.”",
        [("We now see a bigger market.", "Steve Hart")],
    ),
    (
        "business paper: the title after the name, then 'He added:'",
        "“Demand held up well,” Steve Hart, Pellmark president and chief executive, said.\n"
        "He added: “New tools will help our clients.”",
        [("Demand held up well", "Steve Hart"), ("New tools will help our clients.", "Steve Hart")],
    ),
]

SPORT = [
    (
        "music news: 'elaborated' is a cue, and a band role before the name",
        "Drummer Kai Moreno elaborated on his comment, “We were tired of it.”",
        [("We were tired of it.", "Kai Moreno")],
    ),
    (
        "UK council: a partial quote after 'apologised for being'",
        "Council leader Tom Baker has apologised for being “careless” with his words.",
        [("careless", "Tom Baker")],
    ),
    (
        "a time opening the sentence is not its subject: 'Soon after, …'",
        "Lena Marsh spoke on Monday.\n\nSoon after, Lena Marsh issued a statement calling the ruling “unfair”.",
        [("unfair", "Lena Marsh")],
    ),
    (
        "sport: a bare quote after one paragraph of narrative that names no one is the last speaker's",
        "“I did not want him hurt again,” coach Ray Dalton said.\n\nEvery starter will have to earn a place.\n\n"
        "“Nobody is safe. We practice at seven.”",
        [("I did not want him hurt again", "Ray Dalton"), ("Nobody is safe. We practice at seven.", "Ray Dalton")],
    ),
    (
        "sport: not when that paragraph names someone else",
        "“I did not want him hurt again,” coach Ray Dalton said.\n\nTom Hale will start on Sunday.\n\n"
        "“Nobody is safe. We practice at seven.”",
        [("I did not want him hurt again", "Ray Dalton"), ("Nobody is safe. We practice at seven.", None)],
    ),
    (
        "sport: a nationality for the player just named",
        "Luka Petrovic won in straight sets.\n\n“I felt great out there,” the Serbian said.",
        [("I felt great out there", "Luka Petrovic")],
    ),
    (
        "sport live blog: a colon after 'here's X's response' opens the next paragraph's quote",
        "Asked whether he regretted the decision, here's Kofi's response:\n\n"
        '"I have no regret at all; we did not deserve to go through this season."',
        [("I have no regret at all; we did not deserve to go through this season.", "Kofi")],
    ),
    (
        "sport: the athlete is called by age after being named",
        "Sprinter Kia Moana took gold in the 200m.\n\n“I’m honoured,” said the 23-year-old.\n\n"
        "“My family got me here,” the 23-year-old added.",
        [("I’m honoured", "Kia Moana"), ("My family got me here", "Kia Moana")],
    ),
    (
        "UK sport: a Dutch particle, 'ten', inside a manager's name",
        "United boss Erik ten Berg said: ‘We were not good enough.’\n\nTen Berg added: ‘We move on.’",
        [("We were not good enough.", "Erik ten Berg"), ("We move on.", "Erik ten Berg")],
    ),
    (
        "sport: a boss named with a parenthesis and a colon",
        'Norbury boss Chris Hale (beaten 4-0 at home): "The score flatters them."',
        [("The score flatters them.", "Chris Hale")],
    ),
    (
        "sport: the attribution after a dash",
        '"Our shape was fine" – Kingsbury boss Lee Grant (lost 5-2 away).',
        [("Our shape was fine", "Lee Grant")],
    ),
    (
        "sport: a partial quote split by 'he wondered'",
        "Alex Forde said he had “nothing to moan about” about the defeat. "
        "The referee, he wondered, may have found the crowd “too loud to think in.”",
        [("nothing to moan about", "Alex Forde"), ("too loud to think in.", "Alex Forde")],
    ),
]

# Rows first written as known failures, fixed since.
FIXED = [
    (
        "wire: 'Chief of Police' is a title",
        'Chief of Police Ann Wells said: "We have a man in custody."',
        [("We have a man in custody.", "Ann Wells")],
    ),
    (
        "Australian paper: 'Minister for Foreign Affairs' before the name",
        "Minister for Foreign Affairs Nina Holt said the talks were “frank and useful”.",
        [("frank and useful", "Nina Holt")],
    ),
    (
        "UK local paper: a portfolio of two words, 'Director of Public Health'",
        "“Please get your booster before winter,” Director of Public Health Omar Reed said.",
        [("Please get your booster before winter", "Omar Reed")],
    ),
    (
        "UK local paper: a public body whose name starts like a portfolio keeps its name",
        "“Please get your booster before winter,” said Public Health Wales.",
        [("Please get your booster before winter", "Public Health Wales")],
    ),
    (
        "local TV: 'Neighbour' opening the sentence is no part of the name",
        'Neighbour Dave Bolt watched from his porch.\n\n"Then came a loud bang" said Bolt.',
        [("Then came a loud bang", "Dave Bolt")],
    ),
    (
        "government release: a 'Statement by X:' heading",
        "Statement by the Harbour Authority:\n\n“The story printed today is wrong.”",
        [("The story printed today is wrong.", "Harbour Authority")],
    ),
    (
        "public radio: an agency whose name starts with a place speaks in a tweet",
        "Ohio State Patrol confirmed the arrest in a tweet that said “Officers have the driver.”",
        [("Officers have the driver.", "Ohio State Patrol")],
    ),
    (
        "Australian paper: a photo credit is no antecedent",
        "Premier Colin Nash revealed the threat.\n\nPremier Colin Nash at the airport.Credit: Chris Hale\n\n"
        '"My briefing left no doubt," he said.',
        [("My briefing left no doubt", "Colin Nash")],
    ),
    (
        "science paper: a partial quote, more words, then a cue with two names",
        "The findings could have “grave effects on reefs” and fisheries, Lena Marsh and Omar Fadel warned.",
        [("grave effects on reefs", "Lena Marsh")],
    ),
    (
        "business wire: a partial quote, more words, then the cue; the next bare quote",
        "Bank chief Jim Hale gave results on Tuesday.\n\n"
        "Rate increases are “low on the list” at the moment, Hale said on a conference call today. "
        "“I am focused on growth.”",
        [("low on the list", "Jim Hale"), ("I am focused on growth.", "Jim Hale")],
    ),
    (
        "UK paper: a space after a single opening mark",
        "‘ The ruling defies sense,’ said Richard Hollis, the MP for Durham.",
        [("The ruling defies sense", "Richard Hollis")],
    ),
    (
        "UK paper: single marks repeated at each paragraph of a long quote",
        "Tom Rudd added: ‘The plan makes no sense.\n\n‘Voters deserve better.’",
        [("The plan makes no sense.\n\n‘Voters deserve better.", "Tom Rudd")],
    ),
    (
        "sport press conference: Q. and NAME: turns",
        "Q. What happened on the last drive?\nTOM HALE: We knew what we had to do.",
        [("What happened on the last drive?", None), ("We knew what we had to do.", "Tom Hale")],
    ),
    (
        "US cable transcript: a party in brackets and a state after the name",
        "NINA HOLT, ANCHOR: Senator, what went wrong?\n\nSEN. OMAR REED (R), OHIO: We did not have the votes.",
        [("Senator, what went wrong?", "Nina Holt"), ("We did not have the votes.", "Omar Reed")],
    ),
    (
        "cable transcript: a name known only in capitals is printed as prose prints it",
        "SEN. JOE MCNEILL (D), IOWA: We have the votes.\n\nKATE O'DARE, HOST: And the bill?\n\nMCNEILL: It passes.",
        [("We have the votes.", "Joe McNeill"), ("And the bill?", "Kate O'Dare"), ("It passes.", "Joe McNeill")],
    ),
    (
        "radio transcript: NAME, TITLE: labels without quote marks",
        "HOST: Good morning, Premier.\n\nANN WELLS, PREMIER: Good morning. Good to be with you.",
        [("Good morning, Premier.", "HOST"), ("Good morning. Good to be with you.", "Ann Wells")],
    ),
    (
        "UK and Australian papers: 'he' is the subject of the last sentence, not its object",
        "Rob Kalu disagreed with Tom Hale on taxes.\n\n“That plan is a scandal,” he said.",
        [("That plan is a scandal", "Rob Kalu")],
    ),
    (
        "celebrity news: an occupation opening the sentence is no part of the name",
        "Actress Mia Torres posted a photo on Instagram.\n\n“Staying in all week,” she wrote.",
        [("Staying in all week", "Mia Torres")],
    ),
    (
        "celebrity news: a surname that is also a title word, King",
        "Novelist Ruth King was not pleased.\n\n“For the record: I hate it,” King wrote.",
        [("For the record: I hate it", "Ruth King")],
    ),
    (
        "UK sport: a club's possessive before the name is dropped",
        "“The fault was ours,” said Ashford's Dan Mole.",
        [("The fault was ours", "Dan Mole")],
    ),
    (
        "UK paper: a time phrase before the subject of a participle cue",
        "Yesterday morning, Mayor Ruth Kalu stood up, saying: “I take back what I said.”",
        [("I take back what I said.", "Ruth Kalu")],
    ),
    (
        "court news: a surname that is also a title word, Bishop",
        "Judge Amy Bishop heard the case.\n\n“The matter is closed,” Bishop said.",
        [("The matter is closed", "Amy Bishop")],
    ),
    (
        "Australian TV site: 'he' after 'Mr' and a surname that looks like a nationality",
        "Opposition Leader Ray Maltese has stopped short of calling for MP Will Fane to resign.\n\n"
        'But Mr Maltese said he needed to know more.\n\n"Let us wait for the facts," he told Today.',
        [("Let us wait for the facts", "Ray Maltese")],
    ),
    (
        "Malaysian paper: 'Following is the text of her statement:' introduces the quote",
        "Senator Ann Wells read out a statement on Monday.\n\nFollowing is the text of her statement:\n\n"
        "“The report is false.”",
        [("The report is false.", "Ann Wells")],
    ),
    (
        "congressional release: a dateline in mixed case before the name",
        "Washington — Senator Ann Wells today made the following statement:\n\n“The report is late.”",
        [("The report is late.", "Ann Wells")],
    ),
]

# "he", "she" and epithets ("the singer", "the mother-of-two") for the person the article named.
REFERRING = [
    (
        "celebrity news: an age between the epithet and its verb",
        "Marla Quince hinted at a new record.\n\n“I wrote most of it on tour,” the singer, 29, told reporters.",
        [("I wrote most of it on tour", "Marla Quince")],
    ),
    (
        "celebrity news: a title-case headline runs the name into its verb",
        "Dana Whitlock Plans to Tour Next Summer: “We Are Ready”\n\nDana Whitlock said the band would tour.",
        [("We Are Ready", "Dana Whitlock")],
    ),
    (
        "a name right after another sentence's last word is still a name",
        "Sheriff Dana Kemp gave an update Monday. Deputy Luis Ortega left the hospital last week. "
        "He said he is “feeling stronger every day.”",
        [("feeling stronger every day.", "Luis Ortega")],
    ),
    (
        "'Mr' makes a man of a surname the name lists call a woman's, or do not know",
        "“It is shocking,” said Kim Ray.\n\nResponding, Mr Kenny said: “I see no problem.”\n\n"
        "He added that there is “no evidence” of it.",
        [("It is shocking", "Kim Ray"), ("I see no problem.", "Kenny"), ("no evidence", "Kenny")],
    ),
    (
        "'the spokesman' after an unnamed one is that one, not a spokesman named further on",
        "A Home Office spokesman confirmed the arrests.\n\nThe spokesman added that “action” would follow.\n\n"
        "Tom Hale, the party's home affairs spokesman, said: “It is a shambles.”",
        [("action", "The spokesman"), ("It is a shambles.", "Tom Hale")],
    ),
    (
        "celebrity news: an epithet with a place, 'the Nashville star'",
        "Carla Lane spoke to fans on Sunday.\n\nThe Nashville star said she “felt drained” after the shoot.",
        [("felt drained", "Carla Lane")],
    ),
    (
        "celebrity news: 'the author' resolves to the writer the article named",
        "Writer Ruth Fell spoke to fans on Sunday.\n\nThe author said she “felt drained” after the tour.",
        [("felt drained", "Ruth Fell")],
    ),
    (
        "UK court report: 'the mother-of-two' is the woman just named",
        "Carla Lane, 34, was jailed for two years.\n\n“I am sorry,” the mother-of-two told the court.",
        [("I am sorry", "Carla Lane")],
    ),
    (
        "an epithet the article first gave someone unnamed stays a description",
        "A singer from Leeds and Carla Lane spoke.\n\n“I felt drained,” the singer said.",
        [("I felt drained", "the singer")],
    ),
    (
        "Irish and Nigerian given names tell 'she' from 'he'",
        "Aoife Kerr met Tunde Bello on Monday.\n\n“We agreed on nothing,” she said.",
        [("We agreed on nothing", "Aoife Kerr")],
    ),
    (
        "a person opening a sentence after the last quote is 'he', not the speaker before",
        "“He has never raised money,” said Omar Reed, a professor.\n\n"
        "Dev Patel bristles at that. “I raised all I needed,” he said.",
        [("He has never raised money", "Omar Reed"), ("I raised all I needed", "Dev Patel")],
    ),
    (
        "a name after the verb does not open the sentence: 'He said Marsh has …'",
        "“We talk weekly,” said Tom Hale.\n\nHe said Omar Marsh has “been a leader” for years.",
        [("We talk weekly", "Tom Hale"), ("been a leader", "Tom Hale")],
    ),
]

# Magazine Q&As print questions and answers with no labels and no marks.
INTERVIEWS = [
    (
        "a Q&A: each answer is the words of the person the piece is with",
        "Five minutes with Rosa Adler, whose film opens Friday\n\nWhat was filming in the desert like?\n\n"
        "Hot, honestly. We shot before sunrise.\n\nDid you want to quit?\n\nEvery day. My sister kept me going.",
        [
            ("Hot, honestly. We shot before sunrise.", "Rosa Adler"),
            ("Every day. My sister kept me going.", "Rosa Adler"),
        ],
    ),
    (
        "a Q&A answer with a scare quote in it is still one answer",
        "Five minutes with Rosa Adler\n\nWhat was filming like?\n\nHot. We shot before sunrise.\n\n"
        "And the ending?\n\nI had a big “aha” moment on the last night.",
        [("Hot. We shot before sunrise.", "Rosa Adler"), ("I had a big “aha” moment on the last night.", "Rosa Adler")],
    ),
    (
        "an explainer's questions and answers are no interview: nobody speaks in the first person",
        "What the rent ruling means, explained\n\nJudge Ann Wells ruled on Monday. We spoke to tenants.\n\n"
        "What happens next?\n\nThe council will publish rules.\n\nCan landlords appeal?\n\nYes, within 28 days.",
        [],
    ),
]

CASES = FIXED + REFERRING + INTERVIEWS + WIRE + PRESS_RELEASES + LOCAL_NEWS + UK_PAPERS + AUSTRALIAN_PAPERS
CASES += SOCIAL_MEDIA + BUSINESS + SPORT

# (label, text, expected, why we fail today)
KNOWN_FAILURES = [
    (
        "NZ paper: a capitalised word opening the sentence before a bare quote",
        "Weaver Sela Moa explains the craft.\n\nDifferent patterns mark births and weddings, she adds.\n\n"
        "“The work is shared by all.”",
        [("The work is shared by all.", "Sela Moa")],
        "'Different', the first word of the sentence, is taken for a name",
    ),
    (
        "Australian paper: 'When asked by X whether …' opens the sentence",
        "When asked by Sky News whether the plan was a “gift” to rivals, Prime Minister Ann Wells said no.",
        [("gift", "Sky News")],
        "'When' is taken for a name; the word is the asker's",
    ),
    (
        "Australian TV site: a photo caption does not break a run of quotes",
        'Mayor Ruth Kalu spoke at the town hall.\n\n"Crews are in place," she said.\n\n'
        'Rescuer Tom Hale at the scene on Monday. (AAP)\n\n"They will not leave early."',
        [("Crews are in place", "Ruth Kalu"), ("They will not leave early.", "Ruth Kalu")],
        "a caption line between paragraphs ends the run, the bare quote gets no speaker",
    ),
    (
        "political news: the asker in a relative clause speaks, not the subject",
        "Lena Marsh replied to a voter who asked, “Where is the money?”",
        [("Where is the money?", "a voter")],
        "the subject of the main clause is chosen",
    ),
    (
        "science magazine: 'as one reporter … put it'",
        "As one reporter covering the trial put it, “The jury looked tired.”",
        [("The jury looked tired.", "one reporter")],
        "the 'as X put it' cue does not take a description with a participle phrase",
    ),
    (
        "Australian live blog: 'the prime minister' resolves to the person the article named",
        "Asked about it, Ann Wells said the plan was sound.\n\n"
        "The prime minister said voters would “learn the answer in spring.”",
        [("learn the answer in spring.", "Ann Wells")],
        "the description is left unresolved when the name came without the title",
    ),
]


def found(text):
    return [(q.text, q.speaker) for q in extract_quotes(text)]


@pytest.mark.parametrize("label, text, expected", CASES, ids=[row[0] for row in CASES])
def test_web_news(label, text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "label, text, expected",
    [
        pytest.param(label, text, expected, marks=pytest.mark.xfail(strict=True, reason=reason), id=label)
        for label, text, expected, reason in KNOWN_FAILURES
    ],
)
def test_web_news_known_failures(label, text, expected):
    assert found(text) == expected
