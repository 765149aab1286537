<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>BeneficiaryGrid</name>
    <message>
        <source>women</source>
        <translation>әйелдер</translation>
    </message>
    <message>
        <source>men</source>
        <translation>ерлер</translation>
    </message>
    <message>
        <source>under 18</source>
        <translation>18-ге дейін</translation>
    </message>
    <message>
        <source>18–29</source>
        <translation>18–29</translation>
    </message>
    <message>
        <source>30–44</source>
        <translation>30–44</translation>
    </message>
    <message>
        <source>45–59</source>
        <translation>45–59</translation>
    </message>
    <message>
        <source>60 and over</source>
        <translation>60 және одан жоғары</translation>
    </message>
    <message>
        <source>youth (14–35)</source>
        <translation>жастар (14–35)</translation>
    </message>
    <message>
        <source>with a disability</source>
        <translation>мүгедектігі бар</translation>
    </message>
    <message>
        <source>How many of the beneficiaries: by sex and by age group each add up to at most the total; youth and disability are counted within them. — : not stated</source>
        <translation>Пайда алушылардың қаншасы: жынысы бойынша да, жас топтары бойынша да барлығы жалпы саннан аспайды; жастар мен мүгедектігі барлар солардың ішінде саналады. — : көрсетілмеген</translation>
    </message>
</context>
<context>
    <name>BookletsPage</name>
    <message>
        <source>Remove this block</source>
        <translation>Бұл блокты алып тастау</translation>
    </message>
    <message>
        <source>Add a paragraph</source>
        <translation>Абзац қосу</translation>
    </message>
    <message>
        <source>Remove this section</source>
        <translation>Бұл бөлімді алып тастау</translation>
    </message>
    <message>
        <source>Section heading in Kazakh</source>
        <translation>Бөлімнің қазақша атауы</translation>
    </message>
    <message>
        <source>Section heading in Russian</source>
        <translation>Бөлімнің орысша атауы</translation>
    </message>
    <message>
        <source>Booklet</source>
        <translation>Буклет</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Пішімі</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Басылды</translation>
    </message>
    <message>
        <source>A5 booklet (folded A4, stapled)</source>
        <translation>A5 кітапша (A4 бүктеліп, қапсырылады)</translation>
    </message>
    <message>
        <source>A4 tri-fold</source>
        <translation>A4 үш бүктемелі буклет</translation>
    </message>
    <message>
        <source>A4 handout</source>
        <translation>A4 үлестірме парақ</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Абзац</translation>
    </message>
    <message>
        <source>List: one item a line, the same number of lines on both sides</source>
        <translation>Тізім: әр жолға бір тармақ, екі жақта жолдар саны бірдей</translation>
    </message>
    <message>
        <source>Lines to fill in by hand: label</source>
        <translation>Қолмен толтыратын жолдар: атауы</translation>
    </message>
    <message>
        <source>Highlighted note</source>
        <translation>Ерекшеленген ескертпе</translation>
    </message>
    <message>
        <source>Picture (not edited here)</source>
        <translation>Сурет (мұнда өзгертілмейді)</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>Үлгіден жасау</translation>
    </message>
    <message>
        <source>New empty</source>
        <translation>Жаңа бос буклет</translation>
    </message>
    <message>
        <source>Blank forms</source>
        <translation>Бос бланкілер</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Дербес деректерді өңдеуге келісім</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Қатысу парағы</translation>
    </message>
    <message>
        <source>Grant application</source>
        <translation>Грантқа өтінім</translation>
    </message>
    <message>
        <source>Text in two languages</source>
        <translation>Екі тілдегі мәтін</translation>
    </message>
    <message>
        <source>Layout and printing</source>
        <translation>Пішімі және басып шығару</translation>
    </message>
    <message>
        <source>Print runs and distribution</source>
        <translation>Таралым және тарату</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>Қазақша</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Орысша</translation>
    </message>
    <message>
        <source>Title in Kazakh</source>
        <translation>Қазақша атауы</translation>
    </message>
    <message>
        <source>Title in Russian</source>
        <translation>Орысша атауы</translation>
    </message>
    <message>
        <source>Subtitle in Kazakh</source>
        <translation>Қазақша тақырыпша</translation>
    </message>
    <message>
        <source>Subtitle in Russian</source>
        <translation>Орысша тақырыпша</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Бөлім қосу</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <source>Two languages</source>
        <translation>Екі тілді орналастыру</translation>
    </message>
    <message>
        <source>3 mm bleed for a print shop</source>
        <translation>Баспахана үшін кесуге арналған 3 мм жиек</translation>
    </message>
    <message>
        <source>Crop marks</source>
        <translation>Кесу белгілері</translation>
    </message>
    <message>
        <source>Print run on the back page</source>
        <translation>Соңғы беттегі таралым</translation>
    </message>
    <message>
        <source>do not print</source>
        <translation>көрсетпеу</translation>
    </message>
    <message>
        <source>An A5 booklet is printed two pages per A4 sheet on both sides, folded and stapled; the pages are padded to a multiple of four. Ask the print shop whether they want bleed and crop marks.</source>
        <translation>A5 кітапша A4 парағының екі жағына екі беттен басылады, бүктеліп, қапсырылады; беттер саны төртке еселік болып толықтырылады. Шығыңқы жиек пен кесу белгілері керек пе — баспаханадан сұраңыз.</translation>
    </message>
    <message>
        <source>Record a print run</source>
        <translation>Таралымды тіркеу</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Дана саны</translation>
    </message>
    <message>
        <source>Printed on</source>
        <translation>Басылған күні</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Hand out copies in a settlement</source>
        <translation>Елді мекенде тарату</translation>
    </message>
    <message>
        <source>From the run</source>
        <translation>Таралымнан</translation>
    </message>
    <message>
        <source>side by side: Kazakh left, Russian right</source>
        <translation>қатар: сол жақта қазақша, оң жақта орысша</translation>
    </message>
    <message>
        <source>one after the other: Kazakh first</source>
        <translation>бірінен соң бірі: алдымен қазақша</translation>
    </message>
    <message>
        <source>at the center (no settlement)</source>
        <translation>орталықта (елді мекенсіз)</translation>
    </message>
    <message>
        <source>New booklet</source>
        <translation>Жаңа буклет</translation>
    </message>
    <message>
        <source>%1: %2 copies, handed out %3, left %4</source>
        <translation>%1: %2 дана, таратылғаны %3, қалғаны %4</translation>
    </message>
    <message>
        <source>Printed %1, handed out %2</source>
        <translation>Басылғаны %1, таратылғаны %2</translation>
    </message>
    <message>
        <source>A list has a different number of lines in Kazakh and in Russian: each item needs both.</source>
        <translation>Тізімде қазақша және орысша жолдар саны әртүрлі: әр тармақ екі тілде де болуы керек.</translation>
    </message>
    <message>
        <source>These pictures print below 200 ppi and may look blurred: %1. Use a larger picture or print it smaller.</source>
        <translation>Бұл суреттер 200 ppi-ден төмен басылады және бұлыңғыр көрінуі мүмкін: %1. Үлкенірек сурет алыңыз немесе оны кішірек басыңыз.</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>New competition</source>
        <extracomment>an amount or quantity that could not be read (row, column, what was typed)</extracomment>
        <translation>Жаңа конкурс</translation>
    </message>
    <message>
        <source>Title in Kazakh</source>
        <translation>Қазақша атауы</translation>
    </message>
    <message>
        <source>Title in Russian</source>
        <translation>Орысша атауы</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Облыс</translation>
    </message>
    <message>
        <source>Pool, ₸</source>
        <translation>Қор, ₸</translation>
    </message>
    <message>
        <source>Applications from</source>
        <translation>Өтінімдер қабылдау басталады</translation>
    </message>
    <message>
        <source>Applications until</source>
        <translation>Өтінімдер қабылдау аяқталады</translation>
    </message>
    <message>
        <source>the whole pool</source>
        <translation>бүкіл қор</translation>
    </message>
    <message>
        <source>Most one application may ask, ₸</source>
        <translation>Бір өтінімнің шекті сомасы, ₸</translation>
    </message>
    <message>
        <source>Reviews needed for approval</source>
        <translation>Мақұлдауға қажет бағалар саны</translation>
    </message>
</context>
<context>
    <name>GrantsPage</name>
    <message>
        <source>Project</source>
        <translation>Жоба</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Грант беру</translation>
    </message>
    <message>
        <source>Pay and taxes</source>
        <translation>Еңбекақы және салықтар</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Іссапар шығыстары</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Жалдау</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Қызметтер</translation>
    </message>
    <message>
        <source>Materials and equipment</source>
        <translation>Материалдар мен жабдықтар</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Баспа шығыстары</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Әкімшілік шығыстар</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Санаты</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Шығыс атауы</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Өлшем бірлігі</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>Co-financing</source>
        <translation>Қоса қаржыландыру</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>Конкурс</translation>
    </message>
    <message>
        <source>Blank application form</source>
        <translation>Өтінімнің бос бланкі</translation>
    </message>
    <message>
        <source>New competition</source>
        <translation>Жаңа конкурс</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>Search by project or applicant…</source>
        <translation>Жоба немесе өтініш беруші бойынша іздеу…</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>Жаңа өтінім</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Өтінім</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Status and award</source>
        <translation>Күйі және грант</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Сараптама</translation>
    </message>
    <message>
        <source>Indicators and reports</source>
        <translation>Көрсеткіштер мен есептер</translation>
    </message>
    <message>
        <source>Print application</source>
        <translation>Өтінімді басып шығару</translation>
    </message>
    <message>
        <source>Applicant is</source>
        <translation>Өтініш берушінің түрі</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Жетекшісі</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электрондық пошта</translation>
    </message>
    <message>
        <source>Project title</source>
        <translation>Жобаның атауы</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Мәселе</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Мақсаты</translation>
    </message>
    <message>
        <source>Activities (one a line)</source>
        <translation>Іс-шаралар (әр жолға біреуі)</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Мақсатты топ</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Пайда алушылар саны</translation>
    </message>
    <message>
        <source>Of them</source>
        <translation>Оның ішінде</translation>
    </message>
    <message>
        <source>Project dates</source>
        <translation>Жобаның мерзімі</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Жол қосу</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Жолды алып тастау</translation>
    </message>
    <message>
        <source>Save budget</source>
        <translation>Бюджетті сақтау</translation>
    </message>
    <message>
        <source>Move the application to</source>
        <translation>Өтінімді келесі күйге ауыстыру</translation>
    </message>
    <message>
        <source>Return to the applicant for changes</source>
        <translation>Өзгерту үшін өтініш берушіге қайтару</translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation>Сомасы, ₸</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Шешім күні</translation>
    </message>
    <message>
        <source>Award the grant</source>
        <translation>Грантты беру</translation>
    </message>
    <message>
        <source>New review</source>
        <translation>Жаңа сараптама</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Сарапшы</translation>
    </message>
    <message>
        <source>I have a conflict of interest with this applicant (I do not score)</source>
        <translation>Осы өтініш берушімен мүдделер қақтығысым бар (баға қоймаймын)</translation>
    </message>
    <message>
        <source>What the conflict is</source>
        <translation>Қақтығыстың мәні</translation>
    </message>
    <message>
        <source>Scores by criteria</source>
        <translation>Өлшемшарттар бойынша бағалар</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Сараптаманы сақтау</translation>
    </message>
    <message>
        <source>Indicators: baseline, target, actual</source>
        <translation>Көрсеткіштер: бастапқы, мақсатты, нақты</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Көрсеткіш</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>бірлік</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>бастапқы</translation>
    </message>
    <message>
        <source>target</source>
        <translation>мақсатты</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>нақты</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Есептер</translation>
    </message>
    <message>
        <source>interim</source>
        <translation>аралық</translation>
    </message>
    <message>
        <source>final</source>
        <translation>қорытынды</translation>
    </message>
    <message>
        <source>spent, ₸</source>
        <translation>жұмсалды, ₸</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Не істелді</translation>
    </message>
    <message>
        <source>Add report</source>
        <translation>Есеп қосу</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Берілді</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>Қаралуда</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Мақұлданды</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Орындалуда</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Есеп тапсырылды</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Жабылды</translation>
    </message>
    <message>
        <source>an initiative group</source>
        <translation>бастамашыл топ</translation>
    </message>
    <message>
        <source>an NGO (with a BIN)</source>
        <translation>ҮЕҰ (БСН бар)</translation>
    </message>
    <message>
        <source>Awarded %1 of %2, left %3</source>
        <translation>%2 ішінен %1 бөлінді, қалдығы %3</translation>
    </message>
    <message>
        <source>%1 (weight %2 %, 0–%3)</source>
        <translation>%1 (салмағы %2 %, 0–%3)</translation>
    </message>
    <message>
        <source>A reviewer with a conflict of interest does not score.</source>
        <translation>Мүдделер қақтығысы бар сарапшы баға қоймайды.</translation>
    </message>
    <message>
        <source>Weighted score: %1</source>
        <translation>Салмақты балл: %1</translation>
    </message>
    <message>
        <source>Awarded: %1 (%2)</source>
        <translation>Бөлінді: %1 (%2)</translation>
    </message>
    <message>
        <source>Left in the pool: %1</source>
        <translation>Қордың қалдығы: %1</translation>
    </message>
    <message>
        <source>%1: conflict of interest declared, did not score</source>
        <translation>%1: мүдделер қақтығысын мәлімдеді, баға қойған жоқ</translation>
    </message>
    <message>
        <source>%1: weighted score %2</source>
        <translation>%1: салмақты балл %2</translation>
    </message>
    <message>
        <source>Average score: %1</source>
        <translation>Орташа балл: %1</translation>
    </message>
    <message>
        <source>Total %1, co-financing %2 (%3 %), requested %4</source>
        <translation>Барлығы %1, қоса қаржыландыру %2 (%3 %), сұралғаны %4</translation>
    </message>
    <message>
        <source>Numbers only, e.g. 40 or 12.5</source>
        <translation>Тек сандар, мысалы 40 немесе 12,5</translation>
    </message>
    <message>
        <source>Grant application</source>
        <translation>Грантқа өтінім</translation>
    </message>
    <message>
        <source>Print review sheet</source>
        <translation>Бағалау парағын басып шығару</translation>
    </message>
    <message>
        <source>The selected review filled in, or a blank sheet when no review is selected</source>
        <translation>Тізімде таңдалған бағалау толтырылып, ал ештеңе таңдалмаса — бос парақ басылады</translation>
    </message>
    <message>
        <source>Review sheet</source>
        <translation>Бағалау парағы</translation>
    </message>
    <message>
        <source>Line %1: «%2» is not a number. Type digits only, e.g. 15 000 or 12,5.</source>
        <translation>%1-жол: «%2» сан емес. Тек цифр жазыңыз, мысалы 15 000 немесе 12,5.</translation>
    </message>
    <message>
        <source>Reviews without a conflict of interest: %1 of the %2 needed for approval</source>
        <translation>Мүдделер қақтығысы жоқ бағалар: мақұлдауға қажет %2 бағаның %1</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Қатысты</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Жиын</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Search by number, place, chair…</source>
        <translation>Нөмірі, орны, төрағасы бойынша іздеу…</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Жаңа жиын</translation>
    </message>
    <message>
        <source>Print minutes</source>
        <translation>Хаттаманы басып шығару</translation>
    </message>
    <message>
        <source>Print attendance sheet</source>
        <translation>Қатысу парағын басып шығару</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Мәліметтер</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Қатысу</translation>
    </message>
    <message>
        <source>Agenda and votes</source>
        <translation>Күн тәртібі және дауыс беру</translation>
    </message>
    <message>
        <source>Finalize and akim</source>
        <translation>Рәсімдеу және әкім</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>from</source>
        <translation>басталуы</translation>
    </message>
    <message>
        <source>to</source>
        <translation>аяқталуы</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Өткізілген орны</translation>
    </message>
    <message>
        <source>Convened by</source>
        <translation>Шақырған</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Төраға</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Хатшы</translation>
    </message>
    <message>
        <source>Members eligible</source>
        <translation>Мүшелер саны</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпе</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Жобаны жою</translation>
    </message>
    <message>
        <source>Full name of a participant</source>
        <translation>Қатысушының аты-жөні</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation>Қатысуды сақтау</translation>
    </message>
    <message>
        <source>Title of a new agenda item</source>
        <translation>Күн тәртібінің жаңа мәселесі</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Мәселе қосу</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Мәселені алып тастау</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Күн тәртібінің мәселесі</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Мәселе</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Баяндамашылар</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Ұсыныс</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Дауыстар</translation>
    </message>
    <message>
        <source>for</source>
        <translation>қолдап</translation>
    </message>
    <message>
        <source>against</source>
        <translation>қарсы</translation>
    </message>
    <message>
        <source>abstained</source>
        <translation>қалыс</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Нәтижесі</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Шешім</translation>
    </message>
    <message>
        <source>No vote on this item</source>
        <translation>Бұл мәселе бойынша дауыс берілмеді</translation>
    </message>
    <message>
        <source>Save item and votes</source>
        <translation>Мәселе мен дауыстарды сақтау</translation>
    </message>
    <message>
        <source>Finalizing checks that the minutes are complete (chair, secretary, agenda, votes on every item) and locks them: after that they cannot be edited.</source>
        <translation>Рәсімдеу кезінде хаттаманың толықтығы тексеріледі (төраға, хатшы, күн тәртібі, әр мәселе бойынша дауыс беру) және ол бекітіледі: одан кейін оны өзгертуге болмайды.</translation>
    </message>
    <message>
        <source>Finalize minutes</source>
        <translation>Хаттаманы рәсімдеу</translation>
    </message>
    <message>
        <source>Sent to the akim on</source>
        <translation>Әкімге жіберілген күні</translation>
    </message>
    <message>
        <source>Record sending</source>
        <translation>Жіберілгенін белгілеу</translation>
    </message>
    <message>
        <source>Akim&apos;s response dated</source>
        <translation>Әкім жауабының күні</translation>
    </message>
    <message>
        <source>Akim&apos;s response</source>
        <translation>Әкімнің жауабы</translation>
    </message>
    <message>
        <source>Record the response</source>
        <translation>Жауапты тіркеу</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Elected representative</source>
        <translation>Сайланған өкіл</translation>
    </message>
    <message>
        <source>member</source>
        <translation>мүше</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>төраға</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>хатшы</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>шақырылған</translation>
    </message>
    <message>
        <source>gathering</source>
        <translation>жиын</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>жиналыс</translation>
    </message>
    <message>
        <source>separate gathering</source>
        <translation>бөлек жиын</translation>
    </message>
    <message>
        <source>Send the minutes to the akim by %1.</source>
        <translation>Хаттаманы әкімге %1 дейін жіберіңіз.</translation>
    </message>
    <message>
        <source>The akim should answer by %1.</source>
        <translation>Әкім %1 дейін жауап беруі тиіс.</translation>
    </message>
    <message>
        <source>Delete this draft of the minutes?</source>
        <translation>Хаттаманың осы жобасын жоясыз ба?</translation>
    </message>
    <message>
        <source>Present %1 of %2, needed for a quorum: %3 — %4</source>
        <translation>%2 мүшенің %1 қатысты, кворумға қажеті: %3 — %4</translation>
    </message>
    <message>
        <source>quorum reached</source>
        <translation>кворум бар</translation>
    </message>
    <message>
        <source>no quorum</source>
        <translation>кворум жоқ</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <source>not adopted</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <source>no vote</source>
        <translation>дауыс берілмеді</translation>
    </message>
    <message>
        <source>vote not recorded</source>
        <translation>дауыс беру нәтижесі енгізілмеген</translation>
    </message>
    <message>
        <source>(at least %1 votes for are needed)</source>
        <translation>(кемінде %1 «қолдап» дауыс қажет)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Хаттама</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Қатысу парағы</translation>
    </message>
    <message>
        <source>not competent: no quorum, no decisions</source>
        <translation>заңды емес: кворум жоқ, шешімдер жоқ</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>Кворум жоқ</translation>
    </message>
    <message>
        <source>No quorum: votes cannot be entered. Correct the attendance, or finalize: the meeting is then recorded as not competent, with no decisions.</source>
        <translation>Кворум жоқ: дауыс беру нәтижесін енгізуге болмайды. Қатысуды түзетіңіз немесе хаттаманы рәсімдеңіз: онда жиын заңды емес деп, шешімсіз тіркеледі.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>Previous page</source>
        <translation>Алдыңғы бет</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Келесі бет</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Жазба жоқ</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2, барлығы %3</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Кішірейту</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Үлкейту</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ені бойынша</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF ретінде сақтау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Беттер: %1</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Принтерді іске қосу мүмкін болмады.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Файлды сақтау мүмкін болмады: %1</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>The changes have not been saved. Discard them?</source>
        <translation>Өзгерістер сақталмаған. Оларды өшіресіз бе?</translation>
    </message>
</context>
<context>
    <name>SeminarsPage</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Семинар</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Қатысты</translation>
    </message>
    <message>
        <source>Search by title, topic, trainer…</source>
        <translation>Атауы, тақырыбы, жаттықтырушысы бойынша іздеу…</translation>
    </message>
    <message>
        <source>New seminar</source>
        <translation>Жаңа семинар</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тақырыбы</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Өткізілген орны</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Жаттықтырушы</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Сағат саны</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Топтама</translation>
    </message>
    <message>
        <source>New series…</source>
        <translation>Жаңа топтама…</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Кімге арналған</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>тұрғындар</translation>
    </message>
    <message>
        <source>local officials</source>
        <translation>жергілікті лауазымды адамдар</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Қатысушылар</translation>
    </message>
    <message>
        <source>Find a resident by name…</source>
        <translation>Тұрғынды аты-жөні бойынша табу…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>Add resident</source>
        <translation>Тұрғынды қосу</translation>
    </message>
    <message>
        <source>Or type the full name of a participant</source>
        <translation>Немесе қатысушының аты-жөнін жазыңыз</translation>
    </message>
    <message>
        <source>Add by name</source>
        <translation>Аты-жөнімен қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Save attendance and scores</source>
        <translation>Қатысу мен бағаларды сақтау</translation>
    </message>
    <message>
        <source>Print attendance sheet</source>
        <translation>Қатысу парағын басып шығару</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>Сертификаттарды басып шығару</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Test before</source>
        <translation>Алдыңғы тест</translation>
    </message>
    <message>
        <source>Test after</source>
        <translation>Кейінгі тест</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Жас тобы</translation>
    </message>
    <message>
        <source>Youth (14–35)</source>
        <translation>Жастар (14–35)</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Мүгедектігі</translation>
    </message>
    <message>
        <source>Save the seminar first, then add participants.</source>
        <translation>Алдымен семинарды сақтаңыз, содан кейін қатысушыларды қосыңыз.</translation>
    </message>
    <message>
        <source>%1, %2: registered %3, attended %4; average test score before %5, after %6, gain %7</source>
        <translation>%1, %2: тіркелгені %3, қатысқаны %4; тесттің орташа балы: дейін %5, кейін %6, өсімі %7</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Қатысу парағы</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Сертификаттар</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>New seminar series</source>
        <translation>Жаңа семинарлар топтамасы</translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation>Атауы (қазақша)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Атауы (орысша)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Басталуы</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Аяқталуы</translation>
    </message>
    <message>
        <source>Seminars planned</source>
        <translation>Жоспарланған семинарлар</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Бағдарлама</translation>
    </message>
</context>
</TS>
