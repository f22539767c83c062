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

# Each story: page fields, its generated illustration, and its body as StreamField blocks.
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
        "image": {"title": "Zahra’s drawings", "motif": "drawing", "credit": "Demo illustration"},
        "hero_alt_text": "Bright crayon strokes and a sun drawn on paper",
        "body": [
            (
                "text",
                "<p>Under Daesh, drawing was forbidden in Raqqa. For Zahra, who cannot hear or "
                "speak, pictures had always been the way she told the world what she felt.</p>"
                "<p>Since the city was liberated she has been drawing again, every day, and her "
                "family has pinned her pictures across the walls of their home.</p>",
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
            (
                "text",
                "<p>Stabilisation work supported by Coalition partners has reopened schools and "
                "community centres in Raqqa, where children like Zahra can learn and create "
                "in safety.</p>",
            ),
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
        "image": {
            "title": "Prefabricated schools in Dohuk",
            "motif": "schools",
            "credit": "Demo illustration",
        },
        "hero_alt_text": "Rows of prefabricated classrooms under a clear sky",
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
                    "image": {
                        "title": "A classroom ready for lessons",
                        "motif": "classroom",
                        "credit": "Demo illustration",
                    },
                    "alt_text": "Desks lined up in a bright prefabricated classroom",
                    "caption": "Each of the four schools has 12 classrooms.",
                    "credit": "",
                },
            ),
            (
                "text",
                "<p>Each of the four prefabricated schools has 12 classrooms. Together they give "
                "more than 4000 displaced children a place to learn.</p>",
            ),
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
        "image": {
            "title": "The blacksmith market in Mosul",
            "motif": "forge",
            "credit": "Demo illustration",
        },
        "hero_alt_text": "Sparks flying from an anvil under the arches of an old market",
        "body": [
            (
                "text",
                "<p>For generations the sound of hammers on anvils filled the blacksmith market "
                "of Mosul. The fighting to liberate the city left its workshops in ruins.</p>"
                "<p>Today the blacksmiths are back at work, and the market is again a place "
                "where the city's history is made by hand.</p>",
            ),
        ],
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
