<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
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
        <translation>%3 ішінен %1–%2</translation>
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
        <source>fit</source>
        <translation>ені бойынша</translation>
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
</TS>
