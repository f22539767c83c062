"""The demo's words: English source texts and their French and Arabic demo translations.

Translations are keyed by the exact English string that wagtail-localize extracts as a segment
(a field value, or one paragraph of rich text), so they apply whatever the page structure.
"""

HOME = {
    "title": "Home",
    "slug": "home",
    "welcome_heading": "Welcome to the Global Coalition against Daesh",
    "welcome_text": (
        "<p>We invite you to find out why we were formed, who our 79 partners are, and why we "
        "think it’s as important as ever that countries all over the globe remain united to "
        "ensure the enduring defeat of Daesh.</p>"
    ),
    "about_heading": "What is the Coalition?",
    "about_text": (
        "<p>The Global Coalition against Daesh was formed in September 2014 and is unique in its "
        "membership, scope and commitment. Together, the Global Coalition is committed to "
        "degrading and ultimately defeating Daesh.</p>"
        "<p>The Coalition’s 79 members are committed to tackling Daesh on all fronts, to "
        "dismantling its networks and countering its global ambitions. Beyond the military "
        "campaign in Iraq and Syria, the Coalition is committed to:</p>"
        "<ul><li>tackling Daesh’s financing and economic infrastructure;</li>"
        "<li>preventing the flow of foreign terrorist fighters across borders;</li>"
        "<li>supporting stabilisation and the restoration of essential public services to areas "
        "liberated from Daesh;</li>"
        "<li>countering the group’s propaganda.</li></ul>"
    ),
    "lines_of_effort": [
        (
            "Military campaign",
            "Supporting partner forces in Iraq and Syria to take back territory held by Daesh.",
        ),
        (
            "Daesh financing",
            "Cutting Daesh off from the money and economic infrastructure it depends on.",
        ),
        (
            "Foreign terrorist fighters",
            "Preventing the flow of foreign terrorist fighters across borders.",
        ),
        ("Stabilisation", "Restoring essential public services to areas liberated from Daesh."),
        ("Counter-propaganda", "Countering the group’s propaganda and exposing its lies."),
    ],
}

STORY_INDEX = {
    "title": "Stories",
    "slug": "stories",
    "intro": "<p>How life returns to the areas liberated from Daesh, told by the people living it.</p>",
}

CAMPAIGNS = [
    {
        "hashtag": "#LifeafterDaesh",
        "slug": "lifeafterdaesh",
        "name": "Life after Daesh",
        "description": "Stories of people rebuilding their lives, work and heritage in liberated areas.",
    },
    {
        "hashtag": "#foreverychild",
        "slug": "foreverychild",
        "name": "For every child",
        "description": "Schools, teachers and safe places to learn for children displaced by Daesh.",
    },
]

# Images used in several places, described once.
ZAHRA_IMAGE = {"title": "Zahra’s drawings", "motif": "drawing", "credit": "Demo illustration"}
DOHUK_IMAGE = {
    "title": "Prefabricated schools in Dohuk",
    "motif": "schools",
    "credit": "Demo illustration",
}
MOSUL_IMAGE = {
    "title": "The blacksmith market in Mosul",
    "motif": "forge",
    "credit": "Demo illustration",
}
MOSUL_RUINS = {
    "title": "The blacksmith market in ruins",
    "motif": "ruins",
    "credit": "Demo illustration",
}
DOHUK_MAP = {"title": "Map of Dohuk (demo)", "motif": "map", "credit": "Demo illustration"}
CLASSROOM_IMAGE = {
    "title": "A classroom ready for lessons",
    "motif": "classroom",
    "credit": "Demo illustration",
}
NATO_EMBLEM = {
    "title": "NATO emblem (demo drawing)",
    "motif": "emblem",
    "credit": "Demo illustration",
}
MEETING_IMAGE = {
    "title": "Ministers around the table",
    "motif": "meeting",
    "credit": "Demo illustration",
}


def drawing(seed: int) -> dict:
    return {
        "title": f"Zahra’s drawing {seed}",
        "motif": "drawing",
        "seed": seed,
        "credit": "Demo illustration",
    }


FACTSHEET = {"title": "Dohuk schools factsheet (demo)", "motif": "schools"}

# Each story: page fields, its generated illustration, and its body as StreamField blocks.
# Between them the three stories use every block of StoryStreamBlock, so the demo shows them all.
STORIES = [
    {
        "slug": "zahra-draws-again-raqqa",
        "title": "Zahra draws again after the liberation of Raqqa",
        "standfirst": (
            "Zahra, who is both deaf and mute, is able to show her love and talent for drawing "
            "once again since the liberation of Raqqa."
        ),
        "date": "2019-02-14",
        "location": "Raqqa, Syria",
        "campaign": "lifeafterdaesh",
        "tags": ["children", "culture"],
        "image": ZAHRA_IMAGE,
        "hero_alt_text": "Bright crayon strokes and a sun drawn on paper",
        "cover_layout": "full_screen",
        "body": [
            (
                "text",
                "<p>Under Daesh, drawing was forbidden in Raqqa. For Zahra, who cannot hear or "
                "speak, pictures had always been the way she told the world what she felt.</p>"
                "<p>Since the city was liberated she has been drawing again, every day, and her "
                "family has pinned her pictures across the walls of their home.</p>",
            ),
            (
                "embed",
                {
                    "url": "https://www.youtube.com/watch?v=demoZahra01",
                    "title": "Watch: Zahra draws again",
                    "caption": "Demo video address: replace it with the campaign’s film.",
                },
            ),
            (
                "quote",
                {
                    "quote": "Military actions by many nations, including the UK, has broken "
                    "Daesh's grip on thousands of square miles of Syria and Iraq.",
                    "attribution": "Jeremy Hunt",
                    "role": "updating the House on progress in the fight against Daesh",
                },
            ),
            ("heading", {"text": "A room full of pictures", "level": "h2", "anchor": "pictures"}),
            (
                "gallery",
                {
                    "title": "Zahra’s drawings",
                    "images": [
                        {
                            "image": drawing(1),
                            "alt_text": "A house with a red roof under a yellow sun",
                            "caption": "Her home, drawn the week the city was liberated.",
                        },
                        {
                            "image": drawing(2),
                            "alt_text": "Green and blue lines like a river between trees",
                            "caption": "The Euphrates, as she remembers it.",
                        },
                        {
                            "image": drawing(3),
                            "alt_text": "Purple and red strokes like a crowd of people",
                            "caption": "Her classmates.",
                        },
                    ],
                },
            ),
            (
                "scrollytelling",
                {
                    "title": "From silence to colour",
                    # Three pictures, then a step that keeps the last one and zooms into it.
                    "steps": [
                        {
                            "media": [
                                (
                                    "image",
                                    {
                                        "image": drawing(4),
                                        "alt_text": "A blank sheet with a few grey strokes",
                                    },
                                )
                            ],
                            "text": "For three years, paper and crayons were hidden away.",
                        },
                        {
                            "media": [
                                (
                                    "image",
                                    {
                                        "image": drawing(5),
                                        "alt_text": "A sheet half covered in bright colours",
                                    },
                                )
                            ],
                            "text": "After the liberation, her teacher brought her a box of crayons.",
                        },
                        {
                            "media": [
                                (
                                    "image",
                                    {
                                        "image": drawing(6),
                                        "alt_text": "A sheet full of colour with a big sun",
                                    },
                                )
                            ],
                            "text": "Now she draws every day, and her pictures cover the walls.",
                        },
                        {
                            "media": [],
                            "zoom": "2",
                            "focus_x": 70,
                            "focus_y": 30,
                            "text": "The sun comes first in every picture she draws.",
                        },
                    ],
                },
            ),
            ("heading", {"text": "Back at school", "level": "h2", "anchor": "back-at-school"}),
            (
                "key_fact",
                {
                    "figure": "3",
                    "label": "years without drawing",
                    "detail": "Raqqa was held by Daesh from 2014 to October 2017.",
                },
            ),
            (
                "text",
                "<p>Stabilisation work supported by Coalition partners has reopened schools and "
                "community centres in Raqqa, where children like Zahra can learn and create "
                "in safety.</p>",
            ),
            ("related_story", {"story": "mosul-blacksmith-market", "lead": "Read also"}),
        ],
    },
    {
        "slug": "four-schools-dohuk",
        "title": "Four new schools for 4000 displaced children in Dohuk",
        "standfirst": (
            "We built four prefabricated schools with 12 classrooms each for over 4000 displaced "
            "children in Dohuk, thanks to the generous support of our partners."
        ),
        "date": "2019-02-21",
        "location": "Dohuk, Iraq",
        "campaign": "foreverychild",
        "tags": ["education", "children"],
        "image": DOHUK_IMAGE,
        "hero_alt_text": "Rows of prefabricated classrooms under a clear sky",
        "cover_layout": "split",
        "body": [
            (
                "text",
                "<p>Thousands of families who fled Daesh still live in camps around Dohuk. For "
                "their children, a school close to home is the first step back to a normal "
                "life.</p>",
            ),
            (
                "image",
                {
                    "image": CLASSROOM_IMAGE,
                    "alt_text": "Desks lined up in a bright prefabricated classroom",
                    "caption": "Each of the four schools has 12 classrooms.",
                    "credit": "",
                },
            ),
            (
                "key_fact",
                {"figure": "4000", "label": "displaced children back at school", "detail": ""},
            ),
            ("key_fact", {"figure": "12", "label": "classrooms in each school", "detail": ""}),
            (
                "text",
                "<p>Each of the four prefabricated schools has 12 classrooms. Together they give "
                "more than 4000 displaced children a place to learn.</p>",
            ),
            (
                "map",
                {
                    "image": DOHUK_MAP,
                    "alt_text": "A sketch map with a river and a red pin on Dohuk",
                    "place": "Dohuk, Iraq",
                    "latitude": "36.86709",
                    "longitude": "42.98845",
                    "caption": "The schools serve the camps around the city.",
                },
            ),
            (
                "timeline",
                {
                    "title": "From camp to classroom",
                    "events": [
                        {
                            "when": "2014",
                            "title": "Families flee Daesh",
                            "text": "Tens of thousands reach the camps around Dohuk.",
                        },
                        {"when": "2018", "title": "Partners fund four schools", "text": ""},
                        {
                            "when": "February 2019",
                            "title": "The schools open",
                            "text": "More than 4000 children start lessons.",
                        },
                    ],
                },
            ),
            (
                "accordion",
                {
                    "title": "About the schools",
                    "items": [
                        {
                            "question": "Who can attend?",
                            "answer": "<p>Every child living in the camps around Dohuk, free of charge.</p>",
                        },
                        {
                            "question": "Who paid for them?",
                            "answer": "<p>Partners of the Global Coalition, through its stabilisation fund.</p>",
                        },
                    ],
                },
            ),
            (
                "document",
                {
                    "document": FACTSHEET,
                    "title": "Download the factsheet",
                    "description": "One page: where the schools are and who they serve.",
                },
            ),
            ("related_story", {"story": "mosul-blacksmith-market", "lead": ""}),
        ],
    },
    {
        "slug": "mosul-blacksmith-market",
        "title": "Rebuilding the blacksmith market in Mosul",
        "standfirst": (
            "The blacksmith market in Mosul was a symbol of Iraq's cultural heritage. Rebuilding "
            "it has brought back a part of Iraq's identity."
        ),
        "date": "2019-03-01",
        "location": "Mosul, Iraq",
        "campaign": "lifeafterdaesh",
        "tags": ["heritage"],
        "image": MOSUL_IMAGE,
        "hero_alt_text": "Sparks flying from an anvil under the arches of an old market",
        "body": [
            (
                "text",
                "<p>For generations the sound of hammers on anvils filled the blacksmith market "
                "of Mosul. The fighting to liberate the city left its workshops in ruins.</p>"
                "<p>Today the blacksmiths are back at work, and the market is again a place "
                "where the city's history is made by hand.</p>",
            ),
            ("heading", {"text": "Before and after", "level": "h2", "anchor": "before-after"}),
            (
                "before_after",
                {
                    "before_image": MOSUL_RUINS,
                    "before_alt_text": "Broken arches and rubble in the market street",
                    "before_label": "2017",
                    "after_image": MOSUL_IMAGE,
                    "after_alt_text": "The rebuilt arches with a blacksmith at work",
                    "after_label": "2019",
                    "caption": "The same street of the market, after the battle and today.",
                },
            ),
            (
                "full_bleed_image",
                {
                    "image": MOSUL_IMAGE,
                    "alt_text": "",
                    "decorative": True,
                    "caption": "The market’s arches, rebuilt stone by stone.",
                    "credit": "",
                },
            ),
        ],
    },
]

CAMPAIGN_PAGES = [
    {
        "campaign": "lifeafterdaesh",
        "slug": "lifeafterdaesh",
        "title": "#LifeafterDaesh",
        "intro": "<p>In the towns and cities freed from Daesh, people are rebuilding their homes, their work and their heritage. These are their stories.</p>",
        "image": MOSUL_IMAGE,
        "hero_alt_text": "Sparks flying from an anvil under the arches of an old market",
    },
    {
        "campaign": "foreverychild",
        "slug": "foreverychild",
        "title": "#foreverychild",
        "intro": "<p>Every child displaced by Daesh deserves a safe place to learn. Our partners build schools and train teachers so that no child is left behind.</p>",
        "image": DOHUK_IMAGE,
        "hero_alt_text": "Rows of prefabricated classrooms under a clear sky",
        "cover_layout": "split",
    },
]

NEWS_INDEX = {
    "title": "News",
    "slug": "news",
    "intro": "<p>News from the Coalition, the weekly digest of what others report, and explainers.</p>",
}

NEWS = [
    {
        "slug": "ministers-meet-in-washington",
        "title": "Coalition ministers meet in Washington",
        "standfirst": "Ministers from the 79 partners of the Global Coalition met in Washington to coordinate the next phase of the fight against Daesh.",
        "date": "2019-02-06",
        "image": MEETING_IMAGE,
        "hero_alt_text": "Ministers seated around a large oval table",
        "body": [
            (
                "text",
                "<p>The meeting reviewed progress on every line of effort, from the military campaign to stabilisation, and agreed to keep up the pressure on Daesh’s networks.</p>",
            ),
            ("key_fact", {"figure": "79", "label": "partners around the table", "detail": ""}),
        ],
    },
    {
        "slug": "schools-open-in-dohuk",
        "title": "Four schools open their doors in Dohuk",
        "standfirst": "More than 4000 displaced children started lessons this week in four new schools funded by Coalition partners.",
        "date": "2019-02-21",
        "image": CLASSROOM_IMAGE,
        "hero_alt_text": "Desks lined up in a bright prefabricated classroom",
        "body": [
            (
                "text",
                "<p>The schools were built in a few months and opened in time for the new term.</p>",
            ),
        ],
    },
]

# The seed's five digest items. The seed names the outlets but not the articles' addresses, so
# each item links to the outlet's own site; editors paste the article's address in real use.
DIGEST = {
    "slug": "weekly-digest-2019-02-22",
    "title": "Weekly digest: 22 February 2019",
    "date": "2019-02-22",
    "intro": "What the press reported this week about the fight against Daesh.",
    "items": [
        {
            "date": "2019-02-21",
            "headline": "Activists: More than 200 IS fighters surrender in east Syria",
            "summary": "A large number of Daesh members, including many foreign fighters, surrendered to Coalition partner forces in eastern Syria this week, the Associated Press reports. The Syrian Observatory for Human Rights and Deir Ezzor 24 both reported more than 200 Daesh fighters surrendered.",
            "source_name": "Associated Press",
            "source_url": "https://apnews.com/",
        },
        {
            "date": "2019-02-20",
            "headline": "PM Says Iraq to Repatriate Iraqi IS Fighters Held in Syria",
            "summary": "The Iraqi Prime Minister, Adel Abdul-Mahdi, said that Iraq will repatriate Iraqi members of the Islamic State group held in Syria. VOA cites an Associated Press report in which a senior Iraqi intelligence official said up to 20,000 Iraqis, including IS fighters, their families and refugees will be brought back home by April.",
            "source_name": "VOA",
            "source_url": "https://www.voanews.com/",
        },
        {
            "date": "2019-02-19",
            "headline": "Islamic State says attacked Nigerian governor’s convoy",
            "summary": "Reuters reports that Islamic State claimed responsibility for an attack on the convoy of a state governor who was headed to a rally in northeastern Nigeria ahead of Saturday’s presidential election. The group claimed to have killed 42 people, though official sources said the number was between three and 10.",
            "source_name": "Reuters",
            "source_url": "https://www.reuters.com/",
        },
        {
            "date": "2019-02-18",
            "headline": "Top US general says defeat in Syria wouldn’t ‘mean the end’ for ISIS",
            "summary": "Gen. Joseph Votel, the US general running the fight against Daesh, said that clearing the group’s final enclave of territory will not mean “the end of the organisation.” CNN reports that Gen. Votel said that while planning continues for the next phase of the fight against Daesh, capturing the final pocket of territory will be difficult.",
            "source_name": "CNN",
            "source_url": "https://edition.cnn.com/",
        },
        {
            "date": "2019-02-17",
            "headline": "US-backed Syrian forces launch attack on final Isis stronghold",
            "summary": "The Guardian reports on the start of an offensive to capture the final patch of ground held by Daesh in eastern Syria. Scores of Isis fighters are now besieged in two villages, or less than 1% of the self-styled caliphate that once sprawled across large parts of Syria and Iraq.",
            "source_name": "The Guardian",
            "source_url": "https://www.theguardian.com/",
        },
    ],
}

EXPLAINER = {
    "slug": "ministerial-meeting-six-questions",
    "title": "6 questions answered about the Coalition Ministerial Meeting and President Trump’s address",
    "standfirst": "The Coalition Ministerial Meetings are where ministers from the 79 partners of the Global Coalition meet to discuss and coordinate efforts to degrade and destroy Daesh.",
    "date": "2019-02-07",
    "image": MEETING_IMAGE,
    "hero_alt_text": "Ministers seated around a large oval table",
    "questions": [
        (
            "what-is-it",
            "What is the Coalition Ministerial Meeting?",
            "<p>It is the meeting at which the foreign ministers of the Coalition’s partners take stock of the campaign against Daesh and agree on what comes next.</p>",
        ),
        (
            "who-attends",
            "Who takes part?",
            "<p>Ministers or senior representatives of the 79 partners: countries from every continent and organisations such as NATO, the European Union and the Arab League.</p>",
        ),
        (
            "where",
            "Where and when did it take place?",
            "<p>In Washington, D.C., on 6 February 2019, hosted by the United States.</p>",
        ),
        (
            "president-address",
            "What did President Trump say?",
            "<p>He thanked the partners for their contribution and said that the last territory held by Daesh in Syria would soon be liberated.</p>",
        ),
        (
            "what-was-agreed",
            "What did the ministers agree?",
            "<p>To keep working on every line of effort after the territorial defeat: stabilisation, foreign terrorist fighters, financing and counter-propaganda.</p>",
        ),
        (
            "what-next",
            "What happens next?",
            "<p>Working groups of the Coalition turn the ministers’ decisions into action, and progress is reviewed at the next meeting.</p>",
        ),
    ],
}

PARTNER_INDEX = {
    "title": "Partners",
    "slug": "partners",
    "intro": "<p>79 countries and organisations are united in the Global Coalition against Daesh.</p>",
}

# The partners the seed names. The others are numbered placeholders, labelled as demo data.
PARTNERS = [
    {
        "name": "NATO",
        "partner_type": "organisation",
        "joined": "2017-05-25",
        "logo": NATO_EMBLEM,
        "website": "https://www.nato.int/",
        "summary": "The NATO mission provides technical advice to the Ministry of Defence and the Office of the National Security Advisor, and trains and advises instructors at professional military schools and institutions.",
    },
    {
        "name": "United Kingdom",
        "partner_type": "country",
        "joined": "2014-09-15",
        "logo": None,
        "website": "",
        "summary": "A founding member of the Coalition, contributing to every line of effort.",
    },
    {
        "name": "United States",
        "partner_type": "country",
        "joined": "2014-09-15",
        "logo": None,
        "website": "",
        "summary": "A founding member of the Coalition and host of the 2019 Ministerial Meeting.",
    },
    {
        "name": "Iraq",
        "partner_type": "country",
        "joined": "2014-09-15",
        "logo": None,
        "website": "",
        "summary": "Iraqi forces, supported by the Coalition, liberated Mosul and the rest of the country from Daesh.",
    },
]
PLACEHOLDER_PARTNERS = 75  # 4 named + 75 placeholders = the Coalition's 79 partners
PLACEHOLDER_NAME = "Demo partner {number:02d}"
PLACEHOLDER_SUMMARY = "Placeholder entry of the demo data."

PARTNER_SPOTLIGHT = {
    "slug": "partner-spotlight-nato",
    "title": "Partner spotlight: NATO",
    "partner": "NATO",
    "standfirst": "This week we are focusing on the contribution NATO has made towards the Coalition.",
    "date": "2019-02-25",
    "image": NATO_EMBLEM,
    "hero_alt_text": "",
    "body": [
        (
            "text",
            "<p>The NATO mission provides technical advice to the Ministry of Defence and the Office of the National Security Advisor, and trains and advises instructors at professional military schools and institutions.</p>",
        ),
        (
            "quote",
            {
                "quote": "Training the trainers is how a mission leaves something lasting behind.",
                "attribution": "Demo quotation",
                "role": "for illustration only",
            },
        ),
    ],
}

SOCIAL_POSTS = [
    {
        "posted_on": "2019-03-01",
        "text": "The blacksmith market in Mosul was a symbol of Iraq's cultural heritage. Watch how rebuilding the market has brought back a part of Iraq's identity.",
        "campaign": "lifeafterdaesh",
        "hashtags": "",
        "image": MOSUL_IMAGE,
        "image_alt_text": "Sparks flying from an anvil under the arches of an old market",
        "link": "https://twitter.com/coalition",
    },
    {
        "posted_on": "2019-02-25",
        "text": "Partner spotlight: This week we will be focusing on the contribution @NATO has had towards the Coalition.",
        "campaign": None,
        "hashtags": "#NATO",
        "image": None,
        "image_alt_text": "",
        "link": "https://twitter.com/coalition",
    },
    {
        "posted_on": "2019-02-21",
        "text": "We built four prefabricated schools with 12 classrooms each for over 4000 displaced children in Dohuk. Thanks to the generous support of our partners.",
        "campaign": "foreverychild",
        "hashtags": "#education",
        "image": DOHUK_IMAGE,
        "image_alt_text": "Rows of prefabricated classrooms under a clear sky",
        "link": "https://twitter.com/coalition",
    },
    {
        "posted_on": "2019-02-14",
        "text": "Watch how Zahra who is both deaf and mute is able to demonstrate her love and talent of drawing once again since the liberation of Raqqa.",
        "campaign": "lifeafterdaesh",
        "hashtags": "",
        "image": None,
        "image_alt_text": "",
        "link": "https://twitter.com/coalition",
    },
    {
        "posted_on": "2019-02-12",
        "text": "@Jeremy_Hunt updates the House on progress in the fight against Daesh.",
        "campaign": None,
        "hashtags": "",
        "image": None,
        "image_alt_text": "",
        "link": "https://twitter.com/coalition",
    },
]

# Demo translations, keyed by English source string. Marked as demo translations in the README.
TRANSLATIONS = {
    "fr": {
        # Home
        "Home": "Accueil",
        "home": "accueil",
        "Welcome to the Global Coalition against Daesh": "Bienvenue sur le site de la Coalition internationale contre Daech",
        "We invite you to find out why we were formed, who our 79 partners are, and why we think it’s as important as ever that countries all over the globe remain united to ensure the enduring defeat of Daesh.": "Découvrez pourquoi nous avons été créés, qui sont nos 79 partenaires, et pourquoi il reste essentiel que les pays du monde entier restent unis pour assurer la défaite durable de Daech.",
        "What is the Coalition?": "Qu’est-ce que la Coalition ?",
        "The Global Coalition against Daesh was formed in September 2014 and is unique in its membership, scope and commitment. Together, the Global Coalition is committed to degrading and ultimately defeating Daesh.": "La Coalition internationale contre Daech a été créée en septembre 2014 ; elle est unique par sa composition, son ampleur et son engagement. Ensemble, la Coalition s’est engagée à affaiblir puis à vaincre Daech.",
        "The Coalition’s 79 members are committed to tackling Daesh on all fronts, to dismantling its networks and countering its global ambitions. Beyond the military campaign in Iraq and Syria, the Coalition is committed to:": "Les 79 membres de la Coalition combattent Daech sur tous les fronts, démantèlent ses réseaux et contrent ses ambitions mondiales. Au-delà de la campagne militaire en Irak et en Syrie, la Coalition s’engage à :",
        "tackling Daesh’s financing and economic infrastructure;": "tarir le financement et l’infrastructure économique de Daech ;",
        "preventing the flow of foreign terrorist fighters across borders;": "empêcher les combattants terroristes étrangers de franchir les frontières ;",
        "supporting stabilisation and the restoration of essential public services to areas liberated from Daesh;": "soutenir la stabilisation et le rétablissement des services publics essentiels dans les zones libérées de Daech ;",
        "countering the group’s propaganda.": "contrer la propagande du groupe.",
        # Story index
        "Stories": "Récits",
        "stories": "recits",
        "How life returns to the areas liberated from Daesh, told by the people living it.": "Comment la vie reprend dans les zones libérées de Daech, racontée par celles et ceux qui la vivent.",
        # Campaigns
        "Life after Daesh": "La vie après Daech",
        "Stories of people rebuilding their lives, work and heritage in liberated areas.": "Des femmes et des hommes qui reconstruisent leur vie, leur travail et leur patrimoine dans les zones libérées.",
        "For every child": "Pour chaque enfant",
        "Schools, teachers and safe places to learn for children displaced by Daesh.": "Des écoles, des enseignants et des lieux sûrs pour apprendre, pour les enfants déplacés par Daech.",
        # Zahra
        "Zahra draws again after the liberation of Raqqa": "Zahra dessine à nouveau depuis la libération de Raqqa",
        "zahra-draws-again-raqqa": "zahra-dessine-a-nouveau-raqqa",
        "Zahra, who is both deaf and mute, is able to show her love and talent for drawing once again since the liberation of Raqqa.": "Zahra, sourde et muette, peut de nouveau montrer son amour et son talent pour le dessin depuis la libération de Raqqa.",
        "Raqqa, Syria": "Raqqa, Syrie",
        "Bright crayon strokes and a sun drawn on paper": "Des traits de crayon vifs et un soleil dessinés sur du papier",
        "Under Daesh, drawing was forbidden in Raqqa. For Zahra, who cannot hear or speak, pictures had always been the way she told the world what she felt.": "Sous Daech, dessiner était interdit à Raqqa. Pour Zahra, qui ne peut ni entendre ni parler, les images ont toujours été sa façon de dire au monde ce qu’elle ressent.",
        "Since the city was liberated she has been drawing again, every day, and her family has pinned her pictures across the walls of their home.": "Depuis la libération de la ville, elle dessine à nouveau, chaque jour, et sa famille a affiché ses dessins sur tous les murs de la maison.",
        "Military actions by many nations, including the UK, has broken Daesh's grip on thousands of square miles of Syria and Iraq.": "L’action militaire de nombreux pays, dont le Royaume-Uni, a brisé l’emprise de Daech sur des milliers de kilomètres carrés en Syrie et en Irak.",
        "Jeremy Hunt": "Jeremy Hunt",
        "updating the House on progress in the fight against Daesh": "devant la Chambre des communes, sur les progrès de la lutte contre Daech",
        "Stabilisation work supported by Coalition partners has reopened schools and community centres in Raqqa, where children like Zahra can learn and create in safety.": "Les travaux de stabilisation soutenus par les partenaires de la Coalition ont permis de rouvrir des écoles et des centres communautaires à Raqqa, où des enfants comme Zahra peuvent apprendre et créer en sécurité.",
        # Dohuk
        "Four new schools for 4000 displaced children in Dohuk": "Quatre nouvelles écoles pour 4000 enfants déplacés à Dohuk",
        "four-schools-dohuk": "quatre-ecoles-dohuk",
        "We built four prefabricated schools with 12 classrooms each for over 4000 displaced children in Dohuk, thanks to the generous support of our partners.": "Grâce au soutien généreux de nos partenaires, nous avons construit à Dohuk quatre écoles préfabriquées de 12 classes chacune pour plus de 4000 enfants déplacés.",
        "Dohuk, Iraq": "Dohuk, Irak",
        "Rows of prefabricated classrooms under a clear sky": "Des rangées de salles de classe préfabriquées sous un ciel dégagé",
        "Thousands of families who fled Daesh still live in camps around Dohuk. For their children, a school close to home is the first step back to a normal life.": "Des milliers de familles qui ont fui Daech vivent encore dans des camps autour de Dohuk. Pour leurs enfants, une école proche est le premier pas vers une vie normale.",
        "Desks lined up in a bright prefabricated classroom": "Des pupitres alignés dans une salle de classe préfabriquée lumineuse",
        "Each of the four schools has 12 classrooms.": "Chacune des quatre écoles compte 12 salles de classe.",
        "Each of the four prefabricated schools has 12 classrooms. Together they give more than 4000 displaced children a place to learn.": "Chacune des quatre écoles préfabriquées compte 12 salles de classe. Ensemble, elles offrent à plus de 4000 enfants déplacés un lieu pour apprendre.",
        # Mosul
        "Rebuilding the blacksmith market in Mosul": "La reconstruction du marché des forgerons de Mossoul",
        "mosul-blacksmith-market": "marche-des-forgerons-mossoul",
        "The blacksmith market in Mosul was a symbol of Iraq's cultural heritage. Rebuilding it has brought back a part of Iraq's identity.": "Le marché des forgerons de Mossoul était un symbole du patrimoine culturel irakien. Sa reconstruction a rendu à l’Irak une part de son identité.",
        "Mosul, Iraq": "Mossoul, Irak",
        "Sparks flying from an anvil under the arches of an old market": "Des étincelles jaillissent d’une enclume sous les arches d’un vieux marché",
        "For generations the sound of hammers on anvils filled the blacksmith market of Mosul. The fighting to liberate the city left its workshops in ruins.": "Pendant des générations, le bruit des marteaux sur les enclumes a rempli le marché des forgerons de Mossoul. Les combats pour libérer la ville ont laissé ses ateliers en ruines.",
        "Today the blacksmiths are back at work, and the market is again a place where the city's history is made by hand.": "Aujourd’hui, les forgerons sont de retour au travail et le marché est de nouveau un lieu où l’histoire de la ville se façonne à la main.",
    },
    "ar": {
        # Home
        "Home": "الرئيسية",
        "home": "الرئيسية",
        "Welcome to the Global Coalition against Daesh": "مرحبًا بكم في التحالف الدولي ضد داعش",
        "We invite you to find out why we were formed, who our 79 partners are, and why we think it’s as important as ever that countries all over the globe remain united to ensure the enduring defeat of Daesh.": "ندعوكم إلى اكتشاف سبب تأسيسنا، ومن هم شركاؤنا الـ79، ولماذا نرى أنه من المهم اليوم كما كان دائمًا أن تبقى دول العالم متحدة لضمان هزيمة داعش هزيمة دائمة.",
        "What is the Coalition?": "ما هو التحالف؟",
        "The Global Coalition against Daesh was formed in September 2014 and is unique in its membership, scope and commitment. Together, the Global Coalition is committed to degrading and ultimately defeating Daesh.": "تأسس التحالف الدولي ضد داعش في أيلول/سبتمبر 2014، وهو فريد في عضويته ونطاقه والتزامه. ويلتزم التحالف الدولي معًا بإضعاف داعش وهزيمته في نهاية المطاف.",
        "The Coalition’s 79 members are committed to tackling Daesh on all fronts, to dismantling its networks and countering its global ambitions. Beyond the military campaign in Iraq and Syria, the Coalition is committed to:": "يلتزم أعضاء التحالف الـ79 بمواجهة داعش على جميع الجبهات، وتفكيك شبكاته والتصدي لطموحاته العالمية. وإلى جانب الحملة العسكرية في العراق وسوريا، يلتزم التحالف بما يلي:",
        "tackling Daesh’s financing and economic infrastructure;": "التصدي لتمويل داعش وبنيته الاقتصادية؛",
        "preventing the flow of foreign terrorist fighters across borders;": "منع تدفق المقاتلين الإرهابيين الأجانب عبر الحدود؛",
        "supporting stabilisation and the restoration of essential public services to areas liberated from Daesh;": "دعم الاستقرار وإعادة الخدمات العامة الأساسية إلى المناطق المحررة من داعش؛",
        "countering the group’s propaganda.": "مواجهة دعاية التنظيم.",
        # Story index
        "Stories": "قصص",
        "stories": "قصص",
        "How life returns to the areas liberated from Daesh, told by the people living it.": "كيف تعود الحياة إلى المناطق المحررة من داعش، يرويها من يعيشونها.",
        # Campaigns
        "Life after Daesh": "الحياة بعد داعش",
        "Stories of people rebuilding their lives, work and heritage in liberated areas.": "قصص أناس يعيدون بناء حياتهم وأعمالهم وتراثهم في المناطق المحررة.",
        "For every child": "من أجل كل طفل",
        "Schools, teachers and safe places to learn for children displaced by Daesh.": "مدارس ومعلمون وأماكن آمنة للتعلم للأطفال الذين هجّرهم داعش.",
        # Zahra
        "Zahra draws again after the liberation of Raqqa": "زهراء تعود إلى الرسم بعد تحرير الرقة",
        "zahra-draws-again-raqqa": "زهراء-تعود-إلى-الرسم-الرقة",
        "Zahra, who is both deaf and mute, is able to show her love and talent for drawing once again since the liberation of Raqqa.": "تستطيع زهراء، وهي صمّاء وبكماء، أن تُظهر من جديد حبها للرسم وموهبتها فيه منذ تحرير الرقة.",
        "Raqqa, Syria": "الرقة، سوريا",
        "Bright crayon strokes and a sun drawn on paper": "خطوط ملونة زاهية وشمس مرسومة على الورق",
        "Under Daesh, drawing was forbidden in Raqqa. For Zahra, who cannot hear or speak, pictures had always been the way she told the world what she felt.": "في ظل داعش كان الرسم ممنوعًا في الرقة. وبالنسبة إلى زهراء، التي لا تسمع ولا تتكلم، كانت الرسوم دائمًا طريقتها في أن تخبر العالم بما تشعر به.",
        "Since the city was liberated she has been drawing again, every day, and her family has pinned her pictures across the walls of their home.": "منذ تحرير المدينة عادت إلى الرسم كل يوم، وعلّقت عائلتها رسومها على جدران المنزل.",
        "Military actions by many nations, including the UK, has broken Daesh's grip on thousands of square miles of Syria and Iraq.": "لقد كسرت العمليات العسكرية لدول كثيرة، ومنها المملكة المتحدة، قبضة داعش على آلاف الأميال المربعة من سوريا والعراق.",
        "Jeremy Hunt": "جيريمي هانت",
        "updating the House on progress in the fight against Daesh": "في إحاطة لمجلس العموم حول التقدم في الحرب على داعش",
        "Stabilisation work supported by Coalition partners has reopened schools and community centres in Raqqa, where children like Zahra can learn and create in safety.": "أعادت أعمال الاستقرار التي يدعمها شركاء التحالف فتح المدارس والمراكز المجتمعية في الرقة، حيث يستطيع أطفال مثل زهراء أن يتعلموا ويبدعوا بأمان.",
        # Dohuk
        "Four new schools for 4000 displaced children in Dohuk": "أربع مدارس جديدة لـ4000 طفل نازح في دهوك",
        "four-schools-dohuk": "أربع-مدارس-دهوك",
        "We built four prefabricated schools with 12 classrooms each for over 4000 displaced children in Dohuk, thanks to the generous support of our partners.": "بفضل الدعم السخي من شركائنا، بنينا في دهوك أربع مدارس جاهزة تضم كل منها 12 صفًا دراسيًا لأكثر من 4000 طفل نازح.",
        "Dohuk, Iraq": "دهوك، العراق",
        "Rows of prefabricated classrooms under a clear sky": "صفوف من الفصول الدراسية الجاهزة تحت سماء صافية",
        "Thousands of families who fled Daesh still live in camps around Dohuk. For their children, a school close to home is the first step back to a normal life.": "لا تزال آلاف العائلات التي فرت من داعش تعيش في مخيمات حول دهوك. وبالنسبة إلى أطفالها، فإن المدرسة القريبة هي الخطوة الأولى نحو العودة إلى حياة طبيعية.",
        "Desks lined up in a bright prefabricated classroom": "مقاعد مصفوفة في فصل دراسي جاهز ومضيء",
        "Each of the four schools has 12 classrooms.": "تضم كل مدرسة من المدارس الأربع 12 صفًا دراسيًا.",
        "Each of the four prefabricated schools has 12 classrooms. Together they give more than 4000 displaced children a place to learn.": "تضم كل مدرسة من المدارس الجاهزة الأربع 12 صفًا دراسيًا، وتوفر معًا مكانًا للتعلم لأكثر من 4000 طفل نازح.",
        # Mosul
        "Rebuilding the blacksmith market in Mosul": "إعادة بناء سوق الحدادين في الموصل",
        "mosul-blacksmith-market": "سوق-الحدادين-الموصل",
        "The blacksmith market in Mosul was a symbol of Iraq's cultural heritage. Rebuilding it has brought back a part of Iraq's identity.": "كان سوق الحدادين في الموصل رمزًا للتراث الثقافي العراقي، وقد أعادت إعادة بنائه جزءًا من هوية العراق.",
        "Mosul, Iraq": "الموصل، العراق",
        "Sparks flying from an anvil under the arches of an old market": "شرر يتطاير من سندان تحت أقواس سوق قديم",
        "For generations the sound of hammers on anvils filled the blacksmith market of Mosul. The fighting to liberate the city left its workshops in ruins.": "على مدى أجيال ملأ صوت المطارق على السنادين سوق الحدادين في الموصل، وقد خلّفت معارك تحرير المدينة ورشه أنقاضًا.",
        "Today the blacksmiths are back at work, and the market is again a place where the city's history is made by hand.": "اليوم عاد الحدادون إلى العمل، وعاد السوق مكانًا يُصنع فيه تاريخ المدينة باليد.",
    },
}

# Translations of the texts added with the storytelling blocks, news, partners and social posts.
TRANSLATIONS["fr"].update(
    {
        # Lines of effort
        "Military campaign": "Campagne militaire",
        "Supporting partner forces in Iraq and Syria to take back territory held by Daesh.": "Soutenir les forces partenaires en Irak et en Syrie pour reprendre les territoires tenus par Daech.",
        "Daesh financing": "Financement de Daech",
        "Cutting Daesh off from the money and economic infrastructure it depends on.": "Couper Daech de l’argent et de l’infrastructure économique dont il dépend.",
        "Foreign terrorist fighters": "Combattants terroristes étrangers",
        "Preventing the flow of foreign terrorist fighters across borders.": "Empêcher les combattants terroristes étrangers de franchir les frontières.",
        "Stabilisation": "Stabilisation",
        "Restoring essential public services to areas liberated from Daesh.": "Rétablir les services publics essentiels dans les zones libérées de Daech.",
        "Counter-propaganda": "Contre-propagande",
        "Countering the group’s propaganda and exposing its lies.": "Contrer la propagande du groupe et dénoncer ses mensonges.",
        # Zahra
        "Watch: Zahra draws again": "Vidéo : Zahra dessine à nouveau",
        "Demo video address: replace it with the campaign’s film.": "Adresse vidéo de démonstration : à remplacer par le film de la campagne.",
        "A room full of pictures": "Une pièce pleine de dessins",
        "Zahra’s drawings": "Les dessins de Zahra",
        "A house with a red roof under a yellow sun": "Une maison au toit rouge sous un soleil jaune",
        "Her home, drawn the week the city was liberated.": "Sa maison, dessinée la semaine de la libération de la ville.",
        "Green and blue lines like a river between trees": "Des traits verts et bleus, comme une rivière entre les arbres",
        "The Euphrates, as she remembers it.": "L’Euphrate, tel qu’elle s’en souvient.",
        "Purple and red strokes like a crowd of people": "Des traits violets et rouges, comme une foule",
        "Her classmates.": "Ses camarades de classe.",
        "From silence to colour": "Du silence à la couleur",
        "A blank sheet with a few grey strokes": "Une feuille blanche avec quelques traits gris",
        "For three years, paper and crayons were hidden away.": "Pendant trois ans, papier et crayons sont restés cachés.",
        "A sheet half covered in bright colours": "Une feuille à moitié couverte de couleurs vives",
        "After the liberation, her teacher brought her a box of crayons.": "Après la libération, son enseignante lui a apporté une boîte de crayons.",
        "A sheet full of colour with a big sun": "Une feuille pleine de couleurs avec un grand soleil",
        "Now she draws every day, and her pictures cover the walls.": "Aujourd’hui, elle dessine chaque jour et ses dessins couvrent les murs.",
        "years without drawing": "années sans dessiner",
        "Raqqa was held by Daesh from 2014 to October 2017.": "Raqqa a été aux mains de Daech de 2014 à octobre 2017.",
        "Read also": "À lire aussi",
        # Dohuk
        "displaced children back at school": "enfants déplacés de retour à l’école",
        "classrooms in each school": "salles de classe dans chaque école",
        "A sketch map with a river and a red pin on Dohuk": "Une carte schématique avec une rivière et un repère rouge sur Dohuk",
        "The schools serve the camps around the city.": "Les écoles accueillent les enfants des camps autour de la ville.",
        "From camp to classroom": "Du camp à la salle de classe",
        "Families flee Daesh": "Des familles fuient Daech",
        "Tens of thousands reach the camps around Dohuk.": "Des dizaines de milliers de personnes gagnent les camps autour de Dohuk.",
        "Partners fund four schools": "Les partenaires financent quatre écoles",
        "February 2019": "Février 2019",
        "The schools open": "Les écoles ouvrent",
        "More than 4000 children start lessons.": "Plus de 4000 enfants commencent les cours.",
        "About the schools": "À propos des écoles",
        "Who can attend?": "Qui peut y aller ?",
        "Every child living in the camps around Dohuk, free of charge.": "Tous les enfants vivant dans les camps autour de Dohuk, gratuitement.",
        "Who paid for them?": "Qui les a financées ?",
        "Partners of the Global Coalition, through its stabilisation fund.": "Les partenaires de la Coalition internationale, par son fonds de stabilisation.",
        "Download the factsheet": "Télécharger la fiche",
        "One page: where the schools are and who they serve.": "Une page : où sont les écoles et à qui elles s’adressent.",
        # Mosul
        "Before and after": "Avant et après",
        "Broken arches and rubble in the market street": "Des arches brisées et des gravats dans la rue du marché",
        "The rebuilt arches with a blacksmith at work": "Les arches reconstruites et un forgeron au travail",
        "The same street of the market, after the battle and today.": "La même rue du marché, après la bataille et aujourd’hui.",
        "The market’s arches, rebuilt stone by stone.": "Les arches du marché, reconstruites pierre par pierre.",
        # Campaign pages
        "In the towns and cities freed from Daesh, people are rebuilding their homes, their work and their heritage. These are their stories.": "Dans les villes libérées de Daech, les habitants reconstruisent leurs maisons, leur travail et leur patrimoine. Voici leurs histoires.",
        "Every child displaced by Daesh deserves a safe place to learn. Our partners build schools and train teachers so that no child is left behind.": "Chaque enfant déplacé par Daech mérite un lieu sûr pour apprendre. Nos partenaires construisent des écoles et forment des enseignants pour qu’aucun enfant ne soit laissé de côté.",
        # News
        "News": "Actualités",
        "news": "actualites",
        "News from the Coalition, the weekly digest of what others report, and explainers.": "Les actualités de la Coalition, la revue de presse hebdomadaire et nos explications.",
        "Coalition ministers meet in Washington": "Les ministres de la Coalition se réunissent à Washington",
        "ministers-meet-in-washington": "reunion-des-ministres-a-washington",
        "Ministers from the 79 partners of the Global Coalition met in Washington to coordinate the next phase of the fight against Daesh.": "Les ministres des 79 partenaires de la Coalition internationale se sont réunis à Washington pour coordonner la prochaine phase de la lutte contre Daech.",
        "Ministers seated around a large oval table": "Des ministres assis autour d’une grande table ovale",
        "The meeting reviewed progress on every line of effort, from the military campaign to stabilisation, and agreed to keep up the pressure on Daesh’s networks.": "La réunion a fait le point sur chaque axe d’action, de la campagne militaire à la stabilisation, et a décidé de maintenir la pression sur les réseaux de Daech.",
        "partners around the table": "partenaires autour de la table",
        "Four schools open their doors in Dohuk": "Quatre écoles ouvrent leurs portes à Dohuk",
        "schools-open-in-dohuk": "ouverture-des-ecoles-a-dohuk",
        "More than 4000 displaced children started lessons this week in four new schools funded by Coalition partners.": "Plus de 4000 enfants déplacés ont commencé les cours cette semaine dans quatre nouvelles écoles financées par les partenaires de la Coalition.",
        "The schools were built in a few months and opened in time for the new term.": "Les écoles ont été construites en quelques mois et ont ouvert à temps pour la rentrée.",
        # Digest
        "Weekly digest: 22 February 2019": "Revue de presse hebdomadaire : 22 février 2019",
        "weekly-digest-2019-02-22": "revue-de-presse-2019-02-22",
        "What the press reported this week about the fight against Daesh.": "Ce que la presse a rapporté cette semaine sur la lutte contre Daech.",
        "Activists: More than 200 IS fighters surrender in east Syria": "Selon des militants, plus de 200 combattants de l’EI se rendent dans l’est de la Syrie",
        "A large number of Daesh members, including many foreign fighters, surrendered to Coalition partner forces in eastern Syria this week, the Associated Press reports. The Syrian Observatory for Human Rights and Deir Ezzor 24 both reported more than 200 Daesh fighters surrendered.": "Un grand nombre de membres de Daech, dont de nombreux combattants étrangers, se sont rendus cette semaine aux forces partenaires de la Coalition dans l’est de la Syrie, rapporte l’Associated Press. L’Observatoire syrien des droits de l’homme et Deir Ezzor 24 font tous deux état de plus de 200 combattants de Daech qui se sont rendus.",
        "PM Says Iraq to Repatriate Iraqi IS Fighters Held in Syria": "Le Premier ministre annonce que l’Irak rapatriera les combattants irakiens de l’EI détenus en Syrie",
        "The Iraqi Prime Minister, Adel Abdul-Mahdi, said that Iraq will repatriate Iraqi members of the Islamic State group held in Syria. VOA cites an Associated Press report in which a senior Iraqi intelligence official said up to 20,000 Iraqis, including IS fighters, their families and refugees will be brought back home by April.": "Le Premier ministre irakien, Adel Abdel-Mahdi, a déclaré que l’Irak rapatriera les membres irakiens du groupe État islamique détenus en Syrie. VOA cite une dépêche de l’Associated Press selon laquelle un haut responsable du renseignement irakien a indiqué que jusqu’à 20 000 Irakiens, dont des combattants de l’EI, leurs familles et des réfugiés, seront ramenés au pays d’ici avril.",
        "Islamic State says attacked Nigerian governor’s convoy": "L’État islamique revendique l’attaque du convoi d’un gouverneur nigérian",
        "Reuters reports that Islamic State claimed responsibility for an attack on the convoy of a state governor who was headed to a rally in northeastern Nigeria ahead of Saturday’s presidential election. The group claimed to have killed 42 people, though official sources said the number was between three and 10.": "Reuters rapporte que l’État islamique a revendiqué l’attaque du convoi d’un gouverneur qui se rendait à un meeting dans le nord-est du Nigeria avant l’élection présidentielle de samedi. Le groupe affirme avoir tué 42 personnes ; selon des sources officielles, le bilan se situe entre trois et dix morts.",
        "Top US general says defeat in Syria wouldn’t ‘mean the end’ for ISIS": "Pour un haut gradé américain, la défaite en Syrie ne signifiera pas « la fin » de l’EI",
        "Gen. Joseph Votel, the US general running the fight against Daesh, said that clearing the group’s final enclave of territory will not mean “the end of the organisation.” CNN reports that Gen. Votel said that while planning continues for the next phase of the fight against Daesh, capturing the final pocket of territory will be difficult.": "Le général Joseph Votel, qui dirige la lutte américaine contre Daech, a déclaré que la reprise de la dernière enclave du groupe ne signifiera pas « la fin de l’organisation ». Selon CNN, le général Votel a indiqué que, si la planification de la prochaine phase se poursuit, la prise de la dernière poche de territoire sera difficile.",
        "US-backed Syrian forces launch attack on final Isis stronghold": "Les forces syriennes soutenues par les États-Unis lancent l’assaut sur le dernier bastion de l’EI",
        "The Guardian reports on the start of an offensive to capture the final patch of ground held by Daesh in eastern Syria. Scores of Isis fighters are now besieged in two villages, or less than 1% of the self-styled caliphate that once sprawled across large parts of Syria and Iraq.": "The Guardian rend compte du début d’une offensive pour reprendre le dernier lambeau de territoire tenu par Daech dans l’est de la Syrie. Des dizaines de combattants de l’EI sont désormais assiégés dans deux villages, soit moins de 1 % du prétendu califat qui s’étendait autrefois sur de vastes parties de la Syrie et de l’Irak.",
        "Associated Press": "Associated Press",
        "VOA": "VOA",
        "Reuters": "Reuters",
        "CNN": "CNN",
        "The Guardian": "The Guardian",
        # Explainer
        "6 questions answered about the Coalition Ministerial Meeting and President Trump’s address": "6 questions sur la réunion ministérielle de la Coalition et le discours du président Trump",
        "ministerial-meeting-six-questions": "reunion-ministerielle-six-questions",
        "The Coalition Ministerial Meetings are where ministers from the 79 partners of the Global Coalition meet to discuss and coordinate efforts to degrade and destroy Daesh.": "Les réunions ministérielles de la Coalition rassemblent les ministres des 79 partenaires de la Coalition internationale pour discuter et coordonner les efforts visant à affaiblir et détruire Daech.",
        "What is the Coalition Ministerial Meeting?": "Qu’est-ce que la réunion ministérielle de la Coalition ?",
        "It is the meeting at which the foreign ministers of the Coalition’s partners take stock of the campaign against Daesh and agree on what comes next.": "C’est la réunion au cours de laquelle les ministres des Affaires étrangères des partenaires de la Coalition font le point sur la campagne contre Daech et décident de la suite.",
        "Who takes part?": "Qui y participe ?",
        "Ministers or senior representatives of the 79 partners: countries from every continent and organisations such as NATO, the European Union and the Arab League.": "Les ministres ou hauts représentants des 79 partenaires : des pays de tous les continents et des organisations comme l’OTAN, l’Union européenne et la Ligue arabe.",
        "Where and when did it take place?": "Où et quand a-t-elle eu lieu ?",
        "In Washington, D.C., on 6 February 2019, hosted by the United States.": "À Washington, le 6 février 2019, à l’invitation des États-Unis.",
        "What did President Trump say?": "Qu’a dit le président Trump ?",
        "He thanked the partners for their contribution and said that the last territory held by Daesh in Syria would soon be liberated.": "Il a remercié les partenaires pour leur contribution et annoncé que le dernier territoire tenu par Daech en Syrie serait bientôt libéré.",
        "What did the ministers agree?": "Sur quoi les ministres se sont-ils accordés ?",
        "To keep working on every line of effort after the territorial defeat: stabilisation, foreign terrorist fighters, financing and counter-propaganda.": "Poursuivre le travail sur chaque axe après la défaite territoriale : stabilisation, combattants terroristes étrangers, financement et contre-propagande.",
        "What happens next?": "Et ensuite ?",
        "Working groups of the Coalition turn the ministers’ decisions into action, and progress is reviewed at the next meeting.": "Les groupes de travail de la Coalition traduisent les décisions des ministres en actions, et les progrès sont examinés lors de la réunion suivante.",
        # Partners
        "Partners": "Partenaires",
        "partners": "partenaires",
        "79 countries and organisations are united in the Global Coalition against Daesh.": "79 pays et organisations sont unis au sein de la Coalition internationale contre Daech.",
        "NATO": "OTAN",
        "United Kingdom": "Royaume-Uni",
        "United States": "États-Unis",
        "Iraq": "Irak",
        "The NATO mission provides technical advice to the Ministry of Defence and the Office of the National Security Advisor, and trains and advises instructors at professional military schools and institutions.": "La mission de l’OTAN apporte des conseils techniques au ministère de la Défense et au bureau du conseiller à la sécurité nationale, et forme et conseille les instructeurs des écoles et institutions militaires professionnelles.",
        "A founding member of the Coalition, contributing to every line of effort.": "Membre fondateur de la Coalition, il contribue à chaque axe d’action.",
        "A founding member of the Coalition and host of the 2019 Ministerial Meeting.": "Membre fondateur de la Coalition et hôte de la réunion ministérielle de 2019.",
        "Iraqi forces, supported by the Coalition, liberated Mosul and the rest of the country from Daesh.": "Les forces irakiennes, soutenues par la Coalition, ont libéré Mossoul et le reste du pays de Daech.",
        "Placeholder entry of the demo data.": "Entrée fictive des données de démonstration.",
        "Partner spotlight: NATO": "Partenaire à la une : l’OTAN",
        "partner-spotlight-nato": "partenaire-a-la-une-otan",
        "This week we are focusing on the contribution NATO has made towards the Coalition.": "Cette semaine, nous mettons l’accent sur la contribution de l’OTAN à la Coalition.",
        "Training the trainers is how a mission leaves something lasting behind.": "Former les formateurs, c’est ainsi qu’une mission laisse quelque chose de durable.",
        "Demo quotation": "Citation de démonstration",
        "for illustration only": "à titre d’illustration uniquement",
        # Social posts
        "The blacksmith market in Mosul was a symbol of Iraq's cultural heritage. Watch how rebuilding the market has brought back a part of Iraq's identity.": "Le marché des forgerons de Mossoul était un symbole du patrimoine culturel irakien. Découvrez comment sa reconstruction a rendu à l’Irak une part de son identité.",
        "Partner spotlight: This week we will be focusing on the contribution @NATO has had towards the Coalition.": "Partenaire à la une : cette semaine, nous mettons l’accent sur la contribution de @NATO à la Coalition.",
        "We built four prefabricated schools with 12 classrooms each for over 4000 displaced children in Dohuk. Thanks to the generous support of our partners.": "Nous avons construit quatre écoles préfabriquées de 12 classes chacune pour plus de 4000 enfants déplacés à Dohuk. Merci au soutien généreux de nos partenaires.",
        "Watch how Zahra who is both deaf and mute is able to demonstrate her love and talent of drawing once again since the liberation of Raqqa.": "Découvrez comment Zahra, sourde et muette, peut de nouveau montrer son amour et son talent pour le dessin depuis la libération de Raqqa.",
        "@Jeremy_Hunt updates the House on progress in the fight against Daesh.": "@Jeremy_Hunt fait le point devant la Chambre des communes sur la lutte contre Daech.",
    }
)

TRANSLATIONS["ar"].update(
    {
        # Lines of effort
        "Military campaign": "الحملة العسكرية",
        "Supporting partner forces in Iraq and Syria to take back territory held by Daesh.": "دعم القوات الشريكة في العراق وسوريا لاستعادة الأراضي التي يسيطر عليها داعش.",
        "Daesh financing": "تمويل داعش",
        "Cutting Daesh off from the money and economic infrastructure it depends on.": "قطع داعش عن الأموال والبنية الاقتصادية التي يعتمد عليها.",
        "Foreign terrorist fighters": "المقاتلون الإرهابيون الأجانب",
        "Preventing the flow of foreign terrorist fighters across borders.": "منع تدفق المقاتلين الإرهابيين الأجانب عبر الحدود.",
        "Stabilisation": "تحقيق الاستقرار",
        "Restoring essential public services to areas liberated from Daesh.": "إعادة الخدمات العامة الأساسية إلى المناطق المحررة من داعش.",
        "Counter-propaganda": "مكافحة الدعاية",
        "Countering the group’s propaganda and exposing its lies.": "التصدي لدعاية التنظيم وكشف أكاذيبه.",
        # Zahra
        "Watch: Zahra draws again": "شاهدوا: زهراء تعود إلى الرسم",
        "Demo video address: replace it with the campaign’s film.": "عنوان فيديو تجريبي: استبدلوه بفيلم الحملة.",
        "A room full of pictures": "غرفة مليئة بالرسوم",
        "Zahra’s drawings": "رسوم زهراء",
        "A house with a red roof under a yellow sun": "بيت بسقف أحمر تحت شمس صفراء",
        "Her home, drawn the week the city was liberated.": "بيتها، رسمته في أسبوع تحرير المدينة.",
        "Green and blue lines like a river between trees": "خطوط خضراء وزرقاء كنهر بين الأشجار",
        "The Euphrates, as she remembers it.": "نهر الفرات كما تتذكره.",
        "Purple and red strokes like a crowd of people": "خطوط بنفسجية وحمراء كحشد من الناس",
        "Her classmates.": "زملاؤها في الصف.",
        "From silence to colour": "من الصمت إلى الألوان",
        "A blank sheet with a few grey strokes": "ورقة بيضاء عليها بعض الخطوط الرمادية",
        "For three years, paper and crayons were hidden away.": "طوال ثلاث سنوات، بقيت الأوراق والألوان مخبأة.",
        "A sheet half covered in bright colours": "ورقة نصفها مغطى بألوان زاهية",
        "After the liberation, her teacher brought her a box of crayons.": "بعد التحرير، أحضرت لها معلمتها علبة ألوان.",
        "A sheet full of colour with a big sun": "ورقة مليئة بالألوان وفيها شمس كبيرة",
        "Now she draws every day, and her pictures cover the walls.": "اليوم ترسم كل يوم، ورسومها تغطي الجدران.",
        "years without drawing": "سنوات بلا رسم",
        "Raqqa was held by Daesh from 2014 to October 2017.": "سيطر داعش على الرقة من عام 2014 حتى تشرين الأول/أكتوبر 2017.",
        "Read also": "اقرأ أيضًا",
        # Dohuk
        "displaced children back at school": "طفل نازح عادوا إلى المدرسة",
        "classrooms in each school": "صفًا دراسيًا في كل مدرسة",
        "A sketch map with a river and a red pin on Dohuk": "خريطة تخطيطية فيها نهر وعلامة حمراء على دهوك",
        "The schools serve the camps around the city.": "تخدم المدارس المخيمات المحيطة بالمدينة.",
        "From camp to classroom": "من المخيم إلى الصف",
        "Families flee Daesh": "عائلات تفر من داعش",
        "Tens of thousands reach the camps around Dohuk.": "عشرات الآلاف يصلون إلى المخيمات حول دهوك.",
        "Partners fund four schools": "الشركاء يمولون أربع مدارس",
        "February 2019": "شباط/فبراير 2019",
        "The schools open": "افتتاح المدارس",
        "More than 4000 children start lessons.": "أكثر من 4000 طفل يبدؤون الدروس.",
        "About the schools": "عن المدارس",
        "Who can attend?": "من يمكنه الالتحاق بها؟",
        "Every child living in the camps around Dohuk, free of charge.": "كل طفل يعيش في المخيمات حول دهوك، مجانًا.",
        "Who paid for them?": "من موّلها؟",
        "Partners of the Global Coalition, through its stabilisation fund.": "شركاء التحالف الدولي، عبر صندوق تحقيق الاستقرار.",
        "Download the factsheet": "تنزيل صحيفة الوقائع",
        "One page: where the schools are and who they serve.": "صفحة واحدة: أين تقع المدارس ومن تخدم.",
        # Mosul
        "Before and after": "قبل وبعد",
        "Broken arches and rubble in the market street": "أقواس محطمة وأنقاض في شارع السوق",
        "The rebuilt arches with a blacksmith at work": "الأقواس بعد إعادة بنائها وحداد يعمل",
        "The same street of the market, after the battle and today.": "الشارع نفسه في السوق، بعد المعركة واليوم.",
        "The market’s arches, rebuilt stone by stone.": "أقواس السوق، أعيد بناؤها حجرًا حجرًا.",
        # Campaign pages
        "In the towns and cities freed from Daesh, people are rebuilding their homes, their work and their heritage. These are their stories.": "في البلدات والمدن المحررة من داعش، يعيد الناس بناء بيوتهم وأعمالهم وتراثهم. هذه قصصهم.",
        "Every child displaced by Daesh deserves a safe place to learn. Our partners build schools and train teachers so that no child is left behind.": "كل طفل هجّره داعش يستحق مكانًا آمنًا للتعلم. يبني شركاؤنا المدارس ويدربون المعلمين حتى لا يتخلف أي طفل عن الركب.",
        # News
        "News": "الأخبار",
        "news": "الأخبار",
        "News from the Coalition, the weekly digest of what others report, and explainers.": "أخبار التحالف، والموجز الأسبوعي لما تنشره وسائل الإعلام، ومقالات توضيحية.",
        "Coalition ministers meet in Washington": "وزراء التحالف يجتمعون في واشنطن",
        "ministers-meet-in-washington": "اجتماع-الوزراء-في-واشنطن",
        "Ministers from the 79 partners of the Global Coalition met in Washington to coordinate the next phase of the fight against Daesh.": "اجتمع وزراء الشركاء الـ79 في التحالف الدولي في واشنطن لتنسيق المرحلة المقبلة من الحرب على داعش.",
        "Ministers seated around a large oval table": "وزراء يجلسون حول طاولة بيضاوية كبيرة",
        "The meeting reviewed progress on every line of effort, from the military campaign to stabilisation, and agreed to keep up the pressure on Daesh’s networks.": "استعرض الاجتماع التقدم في كل مسار من مسارات العمل، من الحملة العسكرية إلى تحقيق الاستقرار، واتفق على مواصلة الضغط على شبكات داعش.",
        "partners around the table": "شريكًا حول الطاولة",
        "Four schools open their doors in Dohuk": "أربع مدارس تفتح أبوابها في دهوك",
        "schools-open-in-dohuk": "افتتاح-المدارس-في-دهوك",
        "More than 4000 displaced children started lessons this week in four new schools funded by Coalition partners.": "بدأ أكثر من 4000 طفل نازح الدروس هذا الأسبوع في أربع مدارس جديدة موّلها شركاء التحالف.",
        "The schools were built in a few months and opened in time for the new term.": "بُنيت المدارس في بضعة أشهر وافتُتحت في الوقت المناسب للفصل الدراسي الجديد.",
        # Digest
        "Weekly digest: 22 February 2019": "الموجز الأسبوعي: 22 شباط/فبراير 2019",
        "weekly-digest-2019-02-22": "الموجز-الأسبوعي-2019-02-22",
        "What the press reported this week about the fight against Daesh.": "ما نشرته الصحافة هذا الأسبوع عن الحرب على داعش.",
        "Activists: More than 200 IS fighters surrender in east Syria": "ناشطون: أكثر من 200 مقاتل من داعش يستسلمون في شرق سوريا",
        "A large number of Daesh members, including many foreign fighters, surrendered to Coalition partner forces in eastern Syria this week, the Associated Press reports. The Syrian Observatory for Human Rights and Deir Ezzor 24 both reported more than 200 Daesh fighters surrendered.": "أفادت وكالة أسوشيتد برس بأن عددًا كبيرًا من عناصر داعش، بينهم كثير من المقاتلين الأجانب، استسلموا هذا الأسبوع للقوات الشريكة للتحالف في شرق سوريا. وأفاد كل من المرصد السوري لحقوق الإنسان وشبكة دير الزور 24 باستسلام أكثر من 200 مقاتل من داعش.",
        "PM Says Iraq to Repatriate Iraqi IS Fighters Held in Syria": "رئيس الوزراء: العراق سيعيد مقاتلي داعش العراقيين المحتجزين في سوريا",
        "The Iraqi Prime Minister, Adel Abdul-Mahdi, said that Iraq will repatriate Iraqi members of the Islamic State group held in Syria. VOA cites an Associated Press report in which a senior Iraqi intelligence official said up to 20,000 Iraqis, including IS fighters, their families and refugees will be brought back home by April.": "قال رئيس الوزراء العراقي عادل عبد المهدي إن العراق سيعيد العراقيين من عناصر تنظيم داعش المحتجزين في سوريا. ونقلت إذاعة صوت أمريكا عن تقرير لوكالة أسوشيتد برس أن مسؤولًا كبيرًا في الاستخبارات العراقية قال إن ما يصل إلى 20 ألف عراقي، بينهم مقاتلون من داعش وعائلاتهم ولاجئون، سيعادون إلى البلاد بحلول نيسان/أبريل.",
        "Islamic State says attacked Nigerian governor’s convoy": "داعش يعلن مهاجمة موكب حاكم ولاية نيجيرية",
        "Reuters reports that Islamic State claimed responsibility for an attack on the convoy of a state governor who was headed to a rally in northeastern Nigeria ahead of Saturday’s presidential election. The group claimed to have killed 42 people, though official sources said the number was between three and 10.": "أفادت رويترز بأن تنظيم داعش أعلن مسؤوليته عن هجوم على موكب حاكم ولاية كان متجهًا إلى تجمع انتخابي في شمال شرق نيجيريا قبل الانتخابات الرئاسية يوم السبت. وادعى التنظيم أنه قتل 42 شخصًا، بينما قالت مصادر رسمية إن العدد يتراوح بين ثلاثة وعشرة.",
        "Top US general says defeat in Syria wouldn’t ‘mean the end’ for ISIS": "جنرال أمريكي كبير: الهزيمة في سوريا لن تعني «نهاية» داعش",
        "Gen. Joseph Votel, the US general running the fight against Daesh, said that clearing the group’s final enclave of territory will not mean “the end of the organisation.” CNN reports that Gen. Votel said that while planning continues for the next phase of the fight against Daesh, capturing the final pocket of territory will be difficult.": "قال الجنرال جوزيف فوتيل، الجنرال الأمريكي الذي يقود الحرب على داعش، إن تطهير آخر جيب يسيطر عليه التنظيم لن يعني «نهاية التنظيم». وأفادت شبكة سي إن إن بأن الجنرال فوتيل قال إنه بينما يستمر التخطيط للمرحلة المقبلة من الحرب على داعش، فإن السيطرة على آخر جيب ستكون صعبة.",
        "US-backed Syrian forces launch attack on final Isis stronghold": "قوات سورية مدعومة أمريكيًا تشن هجومًا على آخر معاقل داعش",
        "The Guardian reports on the start of an offensive to capture the final patch of ground held by Daesh in eastern Syria. Scores of Isis fighters are now besieged in two villages, or less than 1% of the self-styled caliphate that once sprawled across large parts of Syria and Iraq.": "تتناول صحيفة الغارديان بدء هجوم للسيطرة على آخر رقعة من الأرض يسيطر عليها داعش في شرق سوريا. وبات عشرات من مقاتلي التنظيم محاصرين في قريتين، أي أقل من 1% من «الخلافة» المزعومة التي امتدت يومًا على أجزاء واسعة من سوريا والعراق.",
        "Associated Press": "أسوشيتد برس",
        "VOA": "صوت أمريكا",
        "Reuters": "رويترز",
        "CNN": "سي إن إن",
        "The Guardian": "الغارديان",
        # Explainer
        "6 questions answered about the Coalition Ministerial Meeting and President Trump’s address": "6 أسئلة وأجوبة عن الاجتماع الوزاري للتحالف وكلمة الرئيس ترامب",
        "ministerial-meeting-six-questions": "الاجتماع-الوزاري-ستة-أسئلة",
        "The Coalition Ministerial Meetings are where ministers from the 79 partners of the Global Coalition meet to discuss and coordinate efforts to degrade and destroy Daesh.": "الاجتماعات الوزارية للتحالف هي المكان الذي يلتقي فيه وزراء الشركاء الـ79 في التحالف الدولي لمناقشة الجهود الرامية إلى إضعاف داعش والقضاء عليه وتنسيقها.",
        "What is the Coalition Ministerial Meeting?": "ما هو الاجتماع الوزاري للتحالف؟",
        "It is the meeting at which the foreign ministers of the Coalition’s partners take stock of the campaign against Daesh and agree on what comes next.": "هو الاجتماع الذي يقيّم فيه وزراء خارجية الشركاء في التحالف الحملة على داعش ويتفقون على الخطوات التالية.",
        "Who takes part?": "من يشارك فيه؟",
        "Ministers or senior representatives of the 79 partners: countries from every continent and organisations such as NATO, the European Union and the Arab League.": "وزراء أو كبار ممثلي الشركاء الـ79: دول من جميع القارات ومنظمات مثل حلف شمال الأطلسي والاتحاد الأوروبي وجامعة الدول العربية.",
        "Where and when did it take place?": "أين ومتى عُقد؟",
        "In Washington, D.C., on 6 February 2019, hosted by the United States.": "في واشنطن، في 6 شباط/فبراير 2019، بدعوة من الولايات المتحدة.",
        "What did President Trump say?": "ماذا قال الرئيس ترامب؟",
        "He thanked the partners for their contribution and said that the last territory held by Daesh in Syria would soon be liberated.": "شكر الشركاء على مساهمتهم وقال إن آخر الأراضي التي يسيطر عليها داعش في سوريا ستُحرَّر قريبًا.",
        "What did the ministers agree?": "على ماذا اتفق الوزراء؟",
        "To keep working on every line of effort after the territorial defeat: stabilisation, foreign terrorist fighters, financing and counter-propaganda.": "على مواصلة العمل في كل مسار بعد الهزيمة الميدانية: تحقيق الاستقرار، والمقاتلين الإرهابيين الأجانب، والتمويل، ومكافحة الدعاية.",
        "What happens next?": "ماذا بعد؟",
        "Working groups of the Coalition turn the ministers’ decisions into action, and progress is reviewed at the next meeting.": "تحوّل مجموعات العمل في التحالف قرارات الوزراء إلى أفعال، ويُراجَع التقدم في الاجتماع التالي.",
        # Partners
        "Partners": "الشركاء",
        "partners": "الشركاء",
        "79 countries and organisations are united in the Global Coalition against Daesh.": "تتحد 79 دولة ومنظمة في التحالف الدولي ضد داعش.",
        "NATO": "حلف شمال الأطلسي (الناتو)",
        "United Kingdom": "المملكة المتحدة",
        "United States": "الولايات المتحدة",
        "Iraq": "العراق",
        "The NATO mission provides technical advice to the Ministry of Defence and the Office of the National Security Advisor, and trains and advises instructors at professional military schools and institutions.": "تقدم بعثة حلف شمال الأطلسي المشورة الفنية لوزارة الدفاع ومستشارية الأمن الوطني، وتدرّب المدربين في المدارس والمؤسسات العسكرية المهنية وتقدم لهم المشورة.",
        "A founding member of the Coalition, contributing to every line of effort.": "عضو مؤسس في التحالف، يساهم في كل مسارات العمل.",
        "A founding member of the Coalition and host of the 2019 Ministerial Meeting.": "عضو مؤسس في التحالف ومضيف الاجتماع الوزاري لعام 2019.",
        "Iraqi forces, supported by the Coalition, liberated Mosul and the rest of the country from Daesh.": "حررت القوات العراقية، بدعم من التحالف، الموصل وبقية البلاد من داعش.",
        "Placeholder entry of the demo data.": "إدخال مؤقت من بيانات العرض التجريبي.",
        "Partner spotlight: NATO": "شريك في دائرة الضوء: حلف شمال الأطلسي",
        "partner-spotlight-nato": "شريك-في-دائرة-الضوء-الناتو",
        "This week we are focusing on the contribution NATO has made towards the Coalition.": "نسلط الضوء هذا الأسبوع على مساهمة حلف شمال الأطلسي في التحالف.",
        "Training the trainers is how a mission leaves something lasting behind.": "تدريب المدربين هو ما يجعل أي بعثة تترك أثرًا دائمًا.",
        "Demo quotation": "اقتباس تجريبي",
        "for illustration only": "للتوضيح فقط",
        # Social posts
        "The blacksmith market in Mosul was a symbol of Iraq's cultural heritage. Watch how rebuilding the market has brought back a part of Iraq's identity.": "كان سوق الحدادين في الموصل رمزًا للتراث الثقافي العراقي. شاهدوا كيف أعادت إعادة بناء السوق جزءًا من هوية العراق.",
        "Partner spotlight: This week we will be focusing on the contribution @NATO has had towards the Coalition.": "شريك في دائرة الضوء: نركز هذا الأسبوع على مساهمة @NATO في التحالف.",
        "We built four prefabricated schools with 12 classrooms each for over 4000 displaced children in Dohuk. Thanks to the generous support of our partners.": "بنينا أربع مدارس جاهزة تضم كل منها 12 صفًا دراسيًا لأكثر من 4000 طفل نازح في دهوك، بفضل الدعم السخي من شركائنا.",
        "Watch how Zahra who is both deaf and mute is able to demonstrate her love and talent of drawing once again since the liberation of Raqqa.": "شاهدوا كيف تستطيع زهراء، الصمّاء والبكماء، أن تُظهر من جديد حبها للرسم وموهبتها فيه منذ تحرير الرقة.",
        "@Jeremy_Hunt updates the House on progress in the fight against Daesh.": "@Jeremy_Hunt يطلع مجلس العموم على التقدم في الحرب على داعش.",
    }
)

# Placeholder partners' names, numbered the same in every language.
for _number in range(1, PLACEHOLDER_PARTNERS + 1):
    _english = PLACEHOLDER_NAME.format(number=_number)
    TRANSLATIONS["fr"][_english] = f"Partenaire de démonstration {_number:02d}"
    TRANSLATIONS["ar"][_english] = f"شريك تجريبي {_number:02d}"

# Story topics (the stories' tags), as readers see them in each language.
TRANSLATIONS["fr"].update(
    {
        "children": "enfants",
        "culture": "culture",
        "education": "éducation",
        "heritage": "patrimoine",
    }
)
TRANSLATIONS["ar"].update(
    {"children": "الأطفال", "culture": "الثقافة", "education": "التعليم", "heritage": "التراث"}
)

# Storytelling additions: a zoom step in Zahra's scrollytelling and a second chapter heading.
TRANSLATIONS["fr"].update(
    {
        "The sun comes first in every picture she draws.": "Le soleil vient en premier dans chacun de ses dessins.",
        "Back at school": "De retour à l’école",
        "back-at-school": "back-at-school",
    }
)
TRANSLATIONS["ar"].update(
    {
        "The sun comes first in every picture she draws.": "الشمس تأتي أولاً في كل رسمة ترسمها.",
        "Back at school": "العودة إلى المدرسة",
        "back-at-school": "back-at-school",
    }
)
