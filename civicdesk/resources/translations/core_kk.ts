<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
    <context>
        <name>BackupsModel</name>
        <message>
            <source>Applications</source>
            <translation>Өтінімдер</translation>
        </message>
        <message>
            <source>Consultations</source>
            <translation>Кеңестер</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Түрі</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Жасалған уақыты</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Жиналыстар</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Тұрғындар</translation>
        </message>
        <message>
            <source>Revision</source>
            <translation>Құрылым нұсқасы</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Күйі</translation>
        </message>
        <message>
            <source>before restore</source>
            <translation>қалпына келтіру алдында</translation>
        </message>
        <message>
            <source>before upgrade</source>
            <translation>жаңарту алдында</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>күнделікті</translation>
        </message>
        <message>
            <source>damaged</source>
            <translation>бүлінген</translation>
        </message>
        <message>
            <source>from a newer version</source>
            <translation>жаңарақ нұсқадан</translation>
        </message>
        <message>
            <source>not usable</source>
            <translation>жарамсыз</translation>
        </message>
        <message>
            <source>good</source>
            <translation>жарамды</translation>
        </message>
        <message>
            <source>second folder</source>
            <translation>екінші қалта</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <source>(default)</source>
            <translation>(әдепкі)</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Қазір көшірме жасау</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Көшірме жасалып жатыр…</translation>
        </message>
        <message>
            <source>Backup folder:</source>
            <translation>Көшірмелер қалтасы:</translation>
        </message>
        <message>
            <source>Backup made: %1</source>
            <translation>Көшірме жасалды: %1</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Сақтық көшірмелер</translation>
        </message>
        <message>
            <source>Backups found</source>
            <translation>Табылған көшірмелер</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Шолу…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Бас тарту</translation>
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation>Көшірме тексерілуде…</translation>
        </message>
        <message>
            <source>Choose a backup</source>
            <translation>Көшірмені таңдаңыз</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Қалтаны таңдаңыз</translation>
        </message>
        <message>
            <source>CivicDesk backups (*.sqlite3 *.db);;All files (*)</source>
            <translation>CivicDesk көшірмелері (*.sqlite3 *.db);;Барлық файлдар (*)</translation>
        </message>
        <message>
            <source>CivicDesk must reopen its data: it will close now. Please start it again.</source>
            <translation>CivicDesk деректерді қайта ашуы керек: бағдарлама қазір жабылады. Оны қайта іске қосыңыз.</translation>
        </message>
        <message>
            <source>Create the folder on the USB stick once. When the stick is not plugged in, the backup is made only in the backup folder and you are told so.</source>
            <translation>Флешкада қалтаны бір рет жасап қойыңыз. Флешка қосылмаған кезде көшірме тек көшірмелер қалтасында жасалады және бұл туралы хабарланады.</translation>
        </message>
        <message>
            <source>Daily backup</source>
            <translation>Күнделікті сақтық көшірме</translation>
        </message>
        <message>
            <source>Database revision: %1</source>
            <translation>Дерекқор құрылымының нұсқасы: %1</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>Файл: %1</translation>
        </message>
        <message>
            <source>How many to keep:</source>
            <translation>Нешеуін сақтау:</translation>
        </message>
        <message>
            <source>Last change in it: %1</source>
            <translation>Ондағы соңғы өзгеріс: %1</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Ештеңе қалпына келтірілген жоқ.</translation>
        </message>
        <message>
            <source>Nothing was restored; the current data is unchanged.</source>
            <translation>Ештеңе қалпына келтірілген жоқ; ағымдағы деректер өзгерген жоқ.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Жарайды</translation>
        </message>
        <message>
            <source>Only a manager or head office can change backups or restore data; a consultant sees the list read-only.</source>
            <translation>Көшірмелерді баптауға және деректерді қалпына келтіруге тек менеджер немесе бас кеңсе құқылы; кеңесші тізімді тек қарай алады.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Жаңарту</translation>
        </message>
        <message>
            <source>Residents: %1, consultations: %2, meetings: %3, grant applications: %4</source>
            <translation>Тұрғындар: %1, кеңестер: %2, жиналыстар: %3, грант өтінімдері: %4</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Қалпына келтіру</translation>
        </message>
        <message>
            <source>Restore from a file…</source>
            <translation>Файлдан қалпына келтіру…</translation>
        </message>
        <message>
            <source>Restore from this backup?</source>
            <translation>Осы көшірмеден қалпына келтіру керек пе?</translation>
        </message>
        <message>
            <source>Restore selected…</source>
            <translation>Таңдалғаннан қалпына келтіру…</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Қалпына келтірілуде…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Second folder:</source>
            <translation>Екінші қалта:</translation>
        </message>
        <message>
            <source>The backup settings were saved.</source>
            <translation>Көшірме баптаулары сақталды.</translation>
        </message>
        <message>
            <source>The backup was not made.</source>
            <translation>Көшірме жасалмады.</translation>
        </message>
        <message>
            <source>The current data will be replaced by this backup. It is not lost: a copy of it is first kept in the folder %1. After the restore CivicDesk closes and must be started again.</source>
            <translation>Ағымдағы деректер осы көшірмемен ауыстырылады. Олар жоғалмайды: алдымен олардың көшірмесі %1 қалтасында сақталады. Қалпына келтірілгеннен кейін CivicDesk жабылады, оны қайта іске қосу керек.</translation>
        </message>
        <message>
            <source>The data was restored from %1.</source>
            <translation>Деректер %1 көшірмесінен қалпына келтірілді.</translation>
        </message>
        <message>
            <source>The previous data was kept as %1.</source>
            <translation>Бұрынғы деректер мына файлда сақталды: %1.</translation>
        </message>
        <message>
            <source>for example a folder on a USB stick; empty: none</source>
            <translation>мысалы, флешкадағы қалта; бос болса — екінші көшірме жоқ</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>белгісіз</translation>
        </message>
    </context>
    <context>
        <name>CenterPage</name>
        <message>
            <source>(not listed / whole region)</source>
            <translation>(тізімде жоқ / бүкіл облыс)</translation>
        </message>
        <message>
            <source>Your center</source>
            <translation>Сіздің орталығыңыз</translation>
        </message>
        <message>
            <source>The name appears on printed forms in both languages.</source>
            <translation>Атауы басып шығарылатын құжаттарда екі тілде көрсетіледі.</translation>
        </message>
        <message>
            <source>Name in Kazakh:</source>
            <translation>Қазақша атауы:</translation>
        </message>
        <message>
            <source>Name in Russian:</source>
            <translation>Орысша атауы:</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Облыс:</translation>
        </message>
        <message>
            <source>District:</source>
            <translation>Аудан:</translation>
        </message>
        <message>
            <source>e.g. «Жаңа ауыл» орталығы</source>
            <translation>мысалы: «Жаңа ауыл» орталығы</translation>
        </message>
        <message>
            <source>e.g. центр «Жана аул»</source>
            <translation>мысалы: центр «Жана аул»</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— таңдаңыз —</translation>
        </message>
    </context>
    <context>
        <name>CenterSettlementsModel</name>
        <message>
            <source>Settlement (added by the center)</source>
            <translation>Елді мекен (орталық қосқан)</translation>
        </message>
        <message>
            <source>Center</source>
            <translation>Орталық</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Облыс</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Аудан</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Жазбалар</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Settle the conflict</source>
            <extracomment>the entity a page listens for (UiEnv.notify_changed) by synced table fields with a fixed set of values (a status, a channel) are chosen, not typed</extracomment>
            <translation>Қайшылықты шешу</translation>
        </message>
        <message>
            <source>Type the value to keep. It is sent to head office on the next synchronisation.</source>
            <translation>Сақталатын мәнді енгізіңіз. Ол келесі синхрондау кезінде бас кеңсеге жіберіледі.</translation>
        </message>
        <message>
            <source>Mine: %1
Theirs: %2</source>
            <translation>Менің мәнім: %1
Сервердегі мән: %2</translation>
        </message>
        <message>
            <source>Keep this value</source>
            <translation>Осы мәнді сақтау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
    </context>
    <context>
        <name>ConsultationDialog</name>
        <message>
            <source>Unsaved changes</source>
            <extracomment>residents registered from this form (through the picker)</extracomment>
            <translation>Сақталмаған өзгерістер</translation>
        </message>
        <message>
            <source>Close the form without saving the changes?</source>
            <translation>Өзгерістерді сақтамай, форманы жабасыз ба?</translation>
        </message>
        <message>
            <source>New consultation</source>
            <translation>Жаңа кеңес</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>Кеңес</translation>
        </message>
        <message>
            <source>Date and time:</source>
            <translation>Күні мен уақыты:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Байланыс түрі:</translation>
        </message>
        <message>
            <source>Main topic:</source>
            <translation>Негізгі тақырып:</translation>
        </message>
        <message>
            <source>Other topics:</source>
            <translation>Басқа тақырыптар:</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>Сұрақ:</translation>
        </message>
        <message>
            <source>Advice given:</source>
            <translation>Берілген кеңес:</translation>
        </message>
        <message>
            <source>Resident:</source>
            <translation>Тұрғын:</translation>
        </message>
        <message>
            <source>Settlement:</source>
            <translation>Елді мекен:</translation>
        </message>
        <message>
            <source>Legal acts:</source>
            <translation>Нормативтік құқықтық актілер:</translation>
        </message>
        <message>
            <source>Referred to:</source>
            <translation>Жолданды:</translation>
        </message>
        <message>
            <source>Follow-up:</source>
            <translation>Қайта хабарласу:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Мәртебесі:</translation>
        </message>
        <message>
            <source>Language of the consultation:</source>
            <translation>Кеңес берілген тіл:</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Таңдау…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Тазарту</translation>
        </message>
        <message>
            <source>anonymous</source>
            <translation>аты-жөні көрсетілмеген</translation>
        </message>
        <message>
            <source>needed by</source>
            <translation>керек, мерзімі:</translation>
        </message>
        <message>
            <source>e.g. Law on local government, art. 39-3</source>
            <translation>мысалы: Жергілікті мемлекеттік басқару туралы Заң, 39-3-бап</translation>
        </message>
        <message>
            <source>e.g. rural district akim's office</source>
            <translation>мысалы: ауылдық округ әкімінің аппараты</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— таңдаңыз —</translation>
        </message>
        <message>
            <source>— not set —</source>
            <translation>— көрсетілмеген —</translation>
        </message>
    </context>
    <context>
        <name>ConsultationsModel</name>
        <message>
            <source>Date</source>
            <translation>Күні</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Тұрғын</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>Тақырып</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Сұрақ</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Байланыс түрі</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Мәртебесі</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Елді мекен</translation>
        </message>
        <message>
            <source>Consultant</source>
            <translation>Кеңесші</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Қайта хабарласу</translation>
        </message>
    </context>
    <context>
        <name>ConsultationsPage</name>
        <message>
            <source>All topics</source>
            <extracomment>(id, name) of the resident whose consultations are shown, if any</extracomment>
            <translation>Барлық тақырыптар</translation>
        </message>
        <message>
            <source>All settlements</source>
            <translation>Барлық елді мекендер</translation>
        </message>
        <message>
            <source>All consultants</source>
            <translation>Барлық кеңесшілер</translation>
        </message>
        <message>
            <source>(no resident)</source>
            <translation>(тұрғын көрсетілмеген)</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Мерзімі өтіп кеткен</translation>
        </message>
        <message>
            <source>Nothing due this week.</source>
            <translation>Осы аптада қайта хабарласатын ешкім жоқ.</translation>
        </message>
        <message>
            <source>Consultations found: %1</source>
            <translation>Табылған кеңестер: %1</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>Іздеу: %1</translation>
        </message>
        <message>
            <source>New consultation</source>
            <translation>Жаңа кеңес</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ашу</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Барлық кезең</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Бүгін</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Соңғы 7 күн</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Осы ай</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>Осы тоқсан</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Осы жыл</translation>
        </message>
        <message>
            <source>Custom range…</source>
            <translation>Өз мерзімі…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Басы</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Соңы</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Барлық мәртебелер</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Барлық байланыс түрлері</translation>
        </message>
        <message>
            <source>Follow-ups due</source>
            <translation>Қайта хабарласу керек</translation>
        </message>
        <message>
            <source>Resident: %1 ✕</source>
            <translation>Тұрғын: %1 ✕</translation>
        </message>
        <message>
            <source>Show the consultations of everybody</source>
            <translation>Барлық тұрғынның кеңестерін көрсету</translation>
        </message>
        <message>
            <source>Search by name, IIN or phone ending, village, question or advice…</source>
            <translation>Аты-жөні, ЖСН не телефонның соңғы цифрлары, елді мекен, сұрақ не кеңес бойынша іздеу…</translation>
        </message>
        <message>
            <source>Search by name, question or advice (Kazakh or Russian)…</source>
            <translation>Аты-жөні, сұрақ немесе кеңес бойынша іздеу (қазақша не орысша)…</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Unexpected error</source>
            <translation>Күтпеген қате</translation>
        </message>
        <message>
            <source>Something went wrong inside CivicDesk. Your saved work is safe. The details were written to the log file; please send it to head office.</source>
            <translation>CivicDesk бағдарламасында ақау болды. Сақталған жұмысыңыз жоғалған жоқ. Толығырақ мәлімет журнал файлына жазылды; оны бас кеңсеге жіберіңіз.</translation>
        </message>
    </context>
    <context>
        <name>DailyBackup</name>
        <message>
            <source>Backup</source>
            <extracomment>``1``: print "ready" and exit 0 once the first window a user can act in is shown (the start-up benchmark measures the time to that point).</extracomment>
            <translation>Сақтық көшірме</translation>
        </message>
        <message>
            <source>Today's backup is saved: %1</source>
            <translation>Бүгінгі сақтық көшірме сақталды: %1</translation>
        </message>
        <message>
            <source>Today's backup was not made.</source>
            <translation>Бүгінгі сақтық көшірме жасалмады.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPanel</name>
        <message>
            <source>This person may already be registered. Choose them, or register a new resident if it is someone else.</source>
            <translation>Бұл адам бұрын тіркелген болуы мүмкін. Соны таңдаңыз немесе басқа адам болса, жаңа тұрғынды тіркеңіз.</translation>
        </message>
        <message>
            <source>Choose this resident</source>
            <translation>Осы тұрғынды таңдау</translation>
        </message>
        <message>
            <source>It is another person: register</source>
            <translation>Бұл басқа адам: тіркеу</translation>
        </message>
        <message>
            <source>IIN %1</source>
            <translation>ЖСН %1</translation>
        </message>
        <message>
            <source>born %1</source>
            <translation>туған жылы %1</translation>
        </message>
        <message>
            <source>consultations: %1</source>
            <translation>кеңестер: %1</translation>
        </message>
    </context>
    <context>
        <name>EraseQuestion</name>
        <message>
            <source>Erase personal data</source>
            <translation>Дербес деректерді жою</translation>
        </message>
        <message>
            <source>IIN: %1</source>
            <translation>ЖСН: %1</translation>
        </message>
        <message>
            <source>Year of birth: %1</source>
            <translation>Туған жылы: %1</translation>
        </message>
        <message>
            <source>Settlement: %1</source>
            <translation>Елді мекен: %1</translation>
        </message>
        <message>
            <source>Consultations: %1</source>
            <translation>Кеңестер саны: %1</translation>
        </message>
        <message>
            <source>Erase the personal data of %1 at their request?</source>
            <translation>%1 тұрғынның дербес деректерін оның өтініші бойынша жою керек пе?</translation>
        </message>
        <message>
            <source>The name, IIN, phone, notes and year of birth are removed for good; anonymous statistics stay. This cannot be undone.</source>
            <translation>Аты-жөні, ЖСН, телефоны, ескертпелері мен туған жылы біржола жойылады; жасырын статистика сақталады. Бұл әрекетті қайтаруға болмайды.</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Жою</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Бас тарту</translation>
        </message>
    </context>
    <context>
        <name>FirstStartWizard</name>
        <message>
            <source>CivicDesk: first start</source>
            <translation>CivicDesk: алғашқы іске қосу</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Екі құпиясөз бірдей емес.</translation>
        </message>
        <message>
            <source>Please correct the center's details on the previous page.</source>
            <translation>Алдыңғы беттегі орталық туралы мәліметтерді түзетіңіз.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>In person</source>
            <translation>Жеке келіп</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Онлайн</translation>
        </message>
        <message>
            <source>Outreach visit</source>
            <translation>Көшпелі кездесу</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ашық</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Қайта хабарласу</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Жабық</translation>
        </message>
        <message>
            <source>Consultant</source>
            <translation>Кеңесші</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <source>Head office</source>
            <translation>Бас кеңсе</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Ер</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Әйел</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Иә</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Жоқ</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to CivicDesk</source>
            <translation>CivicDesk бағдарламасына қош келдіңіз</translation>
        </message>
        <message>
            <source>This computer has no center yet. Choose the language of the program; you can change it later at any time.</source>
            <translation>Бұл компьютерде әлі орталық тіркелмеген. Бағдарлама тілін таңдаңыз; оны кейін кез келген уақытта өзгертуге болады.</translation>
        </message>
    </context>
    <context>
        <name>ListHabits</name>
        <message>
            <source>Export to Excel</source>
            <extracomment>the buttons that stand for an action when a page has no method of that name</extracomment>
            <translation>Excel-ге экспорттау</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel кітаптары (*.xlsx)</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>Іздеу: %1</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>where the last export was saved (the main window remembers it per user) called with the written file once an export is done</extracomment>
            <translation>Ашу</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Жаңа…</translation>
        </message>
        <message>
            <source>Copy row</source>
            <translation>Жолды көшіру</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>Excel-ге экспорттау…</translation>
        </message>
        <message>
            <source>Print the list…</source>
            <translation>Тізімді басып шығару…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Жаңарту</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Сақталды: %1</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>CivicDesk: sign in</source>
            <extracomment>the user picked a language on this screen (it then wins over their last one)</extracomment>
            <translation>CivicDesk: кіру</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Тіл:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Құпиясөз:</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Кіру</translation>
        </message>
        <message>
            <source>Exit</source>
            <translation>Шығу</translation>
        </message>
        <message>
            <source>Demo database: login %1, password %2</source>
            <translation>Демо дерекқор: логин %1, құпиясөз %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Consultations</source>
            <extracomment>what pages reload when a sync round brought changes from head office the user asked to sign out (to let another user sign in on this PC)</extracomment>
            <translation>Кеңестер</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Тұрғындар</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Жиындар</translation>
        </message>
        <message>
            <source>Grants</source>
            <translation>Гранттар</translation>
        </message>
        <message>
            <source>Seminars</source>
            <translation>Семинарлар</translation>
        </message>
        <message>
            <source>Booklets and forms</source>
            <translation>Буклеттер мен бланкілер</translation>
        </message>
        <message>
            <source>Campaigns</source>
            <translation>Науқандар</translation>
        </message>
        <message>
            <source>Programmes</source>
            <translation>Бағдарламалар</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Есептер</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Синхрондау</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Сақтық көшірмелер</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Пайдаланушылар</translation>
        </message>
        <message>
            <source>Settlements to merge</source>
            <translation>Елді мекендерді біріктіру</translation>
        </message>
        <message>
            <source>last sync: %1</source>
            <translation>соңғы синхрондау: %1</translation>
        </message>
        <message>
            <source>never synchronised</source>
            <translation>әлі синхрондалмаған</translation>
        </message>
        <message>
            <source>not set up</source>
            <translation>бапталмаған</translation>
        </message>
        <message>
            <source>online</source>
            <translation>желіде</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>желіден тыс</translation>
        </message>
        <message>
            <source>not checked yet</source>
            <translation>әлі тексерілмеген</translation>
        </message>
        <message>
            <source>Sync: %1, %2, changes to send: %3</source>
            <translation>Синхрондау: %1, %2, жіберілетін өзгерістер: %3</translation>
        </message>
        <message>
            <source>CivicDesk</source>
            <translation>CivicDesk</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Тіл:</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>Пайдаланушыны ауыстыру</translation>
        </message>
        <message>
            <source>Sign out so that another user can sign in on this computer</source>
            <translation>Осы компьютерде басқа пайдаланушы кіре алуы үшін жүйеден шығу</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Сақталмаған өзгерістер</translation>
        </message>
        <message>
            <source>Some changes are not saved. Close CivicDesk anyway?</source>
            <translation>Кейбір өзгерістер сақталмаған. Бәрібір CivicDesk бағдарламасын жабасыз ба?</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>Еріктілер</translation>
        </message>
        <message>
            <source>Needs assessment</source>
            <translation>Қажеттіліктерді бағалау</translation>
        </message>
        <message>
            <source>Problems register</source>
            <translation>Мәселелер тізілімі</translation>
        </message>
    </context>
    <context>
        <name>ManagerPage</name>
        <message>
            <source>The first manager</source>
            <translation>Алғашқы менеджер</translation>
        </message>
        <message>
            <source>The manager signs in first and then adds the consultants' accounts. The password must have at least 8 characters.</source>
            <translation>Алдымен менеджер кіріп, кейін кеңесшілердің есептік жазбаларын қосады. Құпиясөз кемінде 8 таңбадан тұруы керек.</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>Аты-жөні:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Құпиясөз:</translation>
        </message>
        <message>
            <source>Password again:</source>
            <translation>Құпиясөзді қайталаңыз:</translation>
        </message>
        <message>
            <source>Latin letters, digits, dot</source>
            <translation>латын әріптері, сандар, нүкте</translation>
        </message>
    </context>
    <context>
        <name>OperatorDialog</name>
        <message>
            <source>Center details for the consent form…</source>
            <extracomment>the center's details for the consent form (managers)</extracomment>
            <translation>Келісім нысанына арналған орталық деректері…</translation>
        </message>
        <message>
            <source>The center as the operator of personal data</source>
            <translation>Дербес деректер операторы ретіндегі орталық</translation>
        </message>
        <message>
            <source>The residents' consent form names the center with these details (Law No. 94-V on personal data, Article 8).</source>
            <translation>Тұрғындардың келісім нысаны орталықты осы деректермен атайды («Дербес деректер және оларды қорғау туралы» № 94-V Заң, 8-бап).</translation>
        </message>
        <message>
            <source>Center:</source>
            <translation>Орталық:</translation>
        </message>
        <message>
            <source>BIN:</source>
            <translation>БСН:</translation>
        </message>
        <message>
            <source>Name in Russian, dative case:</source>
            <translation>Орысша атауы, барыс септік:</translation>
        </message>
        <message>
            <source>as in: I give my consent to ...</source>
            <translation>«даю согласие Центру …» дегендегідей</translation>
        </message>
        <message>
            <source>Name in Kazakh, genitive case:</source>
            <translation>Қазақша атауы, ілік септік:</translation>
        </message>
        <message>
            <source>as in: ... collecting my data</source>
            <translation>«… орталығының деректерімді жинауына» дегендегідей</translation>
        </message>
        <message>
            <source>Term of consent, years:</source>
            <translation>Келісімнің мерзімі, жыл:</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Бас тарту</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Сақталмаған өзгерістер</translation>
        </message>
        <message>
            <source>The changes are not saved. Close the form anyway?</source>
            <translation>Өзгерістер сақталмаған. Бәрібір жабу керек пе?</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Толығырақ...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Толығырақты жасыру...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Иә</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Жоқ</translation>
        </message>
        <message>
            <source>No to A&amp;ll</source>
            <translation>Б&amp;арлығына жоқ</translation>
        </message>
        <message>
            <source>Don't Save</source>
            <translation>Сақтамау</translation>
        </message>
    </context>
    <context>
        <name>ResidentDialog</name>
        <message>
            <source>— not set —</source>
            <extracomment>whether this form registered a new person (not chose an existing one)</extracomment>
            <translation>— көрсетілмеген —</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Сақталмаған өзгерістер</translation>
        </message>
        <message>
            <source>Close the form without saving the changes?</source>
            <translation>Өзгерістерді сақтамай, форманы жабасыз ба?</translation>
        </message>
        <message>
            <source>Register resident</source>
            <translation>Тұрғынды тіркеу</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Тұрғын</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>Аты-жөні:</translation>
        </message>
        <message>
            <source>IIN (optional):</source>
            <translation>ЖСН (міндетті емес):</translation>
        </message>
        <message>
            <source>Sex:</source>
            <translation>Жынысы:</translation>
        </message>
        <message>
            <source>Year of birth:</source>
            <translation>Туған жылы:</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Телефон:</translation>
        </message>
        <message>
            <source>Settlement:</source>
            <translation>Елді мекен:</translation>
        </message>
        <message>
            <source>Disability:</source>
            <translation>Мүгедектік:</translation>
        </message>
        <message>
            <source>Consent:</source>
            <translation>Келісім:</translation>
        </message>
        <message>
            <source>Purposes of processing:</source>
            <translation>Өңдеу мақсаттары:</translation>
        </message>
        <message>
            <source>Notes:</source>
            <translation>Ескертпе:</translation>
        </message>
        <message>
            <source>12 digits; sex and year are read from it</source>
            <translation>12 сан; жынысы мен туған жылы осыдан анықталады</translation>
        </message>
        <message>
            <source>has a disability</source>
            <translation>мүгедектігі бар</translation>
        </message>
        <message>
            <source>written consent signed on</source>
            <translation>жазбаша келісімге қол қойылған күні</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
    </context>
    <context>
        <name>ResidentPicker</name>
        <message>
            <source>Choose a resident</source>
            <extracomment>(id, full name, settlement id) of the chosen resident the chosen resident was registered here (discarded if the consultation is not)</extracomment>
            <translation>Тұрғынды таңдау</translation>
        </message>
        <message>
            <source>Search by name, IIN or phone…</source>
            <translation>Аты-жөні, ЖСН немесе телефон бойынша іздеу…</translation>
        </message>
        <message>
            <source>New resident…</source>
            <translation>Жаңа тұрғын…</translation>
        </message>
        <message>
            <source>Choose</source>
            <translation>Таңдау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
    </context>
    <context>
        <name>ResidentsModel</name>
        <message>
            <source>Full name</source>
            <translation>Аты-жөні</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Жынысы</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>Туған жылы</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Елді мекен</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Келісім</translation>
        </message>
        <message>
            <source>Consultations</source>
            <translation>Кеңестер</translation>
        </message>
    </context>
    <context>
        <name>ResidentsPage</name>
        <message>
            <source>Select a resident to see their consultations.</source>
            <translation>Кеңестерін көру үшін тұрғынды таңдаңыз.</translation>
        </message>
        <message>
            <source>No consultations yet.</source>
            <translation>Әзірге кеңес жоқ.</translation>
        </message>
        <message>
            <source>Residents found: %1</source>
            <translation>Табылған тұрғындар: %1</translation>
        </message>
        <message>
            <source>Save the resident's data</source>
            <translation>Тұрғынның деректерін сақтау</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON файлдары (*.json)</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Сақталды: %1</translation>
        </message>
        <message>
            <source>Erase personal data</source>
            <translation>Дербес деректерді жою</translation>
        </message>
        <message>
            <source>The personal data were erased here; the server and head office lose them at the next sync. Consultations of this person to read (their text may still identify them): %1. Backups made before today still hold the data until the rotation removes them (the last on %2).</source>
            <translation>Дербес деректер осы жерде жойылды; сервер мен бас кеңсе оларды келесі синхрондауда жояды. Осы адамның оқып шығатын кеңестері (мәтіні оны әлі де анықтауы мүмкін): %1. Бүгінге дейін жасалған сақтық көшірмелерде деректер ротация оларды жойғанша сақталады (соңғысы %2).</translation>
        </message>
        <message>
            <source>Search by name, IIN or phone…</source>
            <translation>Аты-жөні, ЖСН немесе телефон бойынша іздеу…</translation>
        </message>
        <message>
            <source>Register resident</source>
            <translation>Тұрғынды тіркеу</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ашу</translation>
        </message>
        <message>
            <source>Export data…</source>
            <translation>Деректерді экспорттау…</translation>
        </message>
        <message>
            <source>Erase…</source>
            <translation>Жою…</translation>
        </message>
        <message>
            <source>Consultations of the resident</source>
            <translation>Тұрғынның кеңестері</translation>
        </message>
        <message>
            <source>Consultations</source>
            <translation>Кеңестері</translation>
        </message>
        <message>
            <source>Open every consultation of the resident in the journal</source>
            <translation>Тұрғынның барлық кеңесін журналда ашу</translation>
        </message>
        <message>
            <source>Erase the personal data of %1 at their request?

The name, IIN, phone, notes and year of birth are removed for good; anonymous statistics stay. This cannot be undone.</source>
            <translation>%1 өтініші бойынша оның дербес деректерін жоясыз ба?

Аты-жөні, ЖСН, телефоны, ескертпелері мен туған жылы біржола жойылады; жасырын статистика сақталады. Бұл әрекетті қайтару мүмкін емес.</translation>
        </message>
    </context>
    <context>
        <name>SettlementMergePage</name>
        <message>
            <source>(choose the official settlement)</source>
            <translation>(ресми елді мекенді таңдаңыз)</translation>
        </message>
        <message>
            <source>Merge «%1» (center: %2, records: %3) into the official settlement «%4»?

The center's entry is retired and its records move to «%4» at the center's next synchronisation. This cannot be undone.</source>
            <translation>«%1» (орталық: %2, жазбалар: %3) ресми «%4» елді мекенімен біріктірілсін бе?

Орталықтың жазбасы жабылады, ал оның жазбалары орталықтың келесі синхрондауында «%4» елді мекеніне ауысады. Бұл әрекетті қайтаруға болмайды.</translation>
        </message>
        <message>
            <source>Merge settlements</source>
            <translation>Елді мекендерді біріктіру</translation>
        </message>
        <message>
            <source>«%1» merged into «%2».</source>
            <translation>«%1» «%2» елді мекенімен біріктірілді.</translation>
        </message>
        <message>
            <source>Settlements the centers added themselves (without a KATO code). Pick the official settlement each one is and merge them: the center's records move to the official settlement.</source>
            <translation>Орталықтар өздері қосқан елді мекендер (ӘАОЖ кодынсыз). Әрқайсысы қай ресми елді мекен екенін таңдап, біріктіріңіз: орталықтың жазбалары ресми елді мекенге ауысады.</translation>
        </message>
        <message>
            <source>Official settlement:</source>
            <translation>Ресми елді мекен:</translation>
        </message>
        <message>
            <source>Merge…</source>
            <translation>Біріктіру…</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Enter the server address and the code from head office.</source>
            <translation>Сервер мекенжайын және бас кеңседен алынған кодты енгізіңіз.</translation>
        </message>
        <message>
            <source>«%1» is not a server address. Type it as head office gave it, for example https://civicdesk.example.kz</source>
            <translation>«%1» — сервер мекенжайы емес. Оны бас кеңсе бергендей теріңіз, мысалы: https://civicdesk.example.kz</translation>
        </message>
        <message>
            <source>The code is too short or has wrong characters: it has %1 characters, the code from head office has 16 (for example ABCD-EFGH-JKLM-NPQR). Check it and type it again.</source>
            <translation>Код тым қысқа немесе онда қате таңбалар бар: онда %1 таңба, ал бас кеңсе берген кодта 16 таңба болады (мысалы, ABCD-EFGH-JKLM-NPQR). Тексеріп, қайта теріңіз.</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>Кеңес</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Тұрғын</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Жиын</translation>
        </message>
        <message>
            <source>Grant application</source>
            <translation>Грант өтінімі</translation>
        </message>
        <message>
            <source>Grant report</source>
            <translation>Грант бойынша есеп</translation>
        </message>
        <message>
            <source>Seminar</source>
            <translation>Семинар</translation>
        </message>
        <message>
            <source>Booklet</source>
            <translation>Буклет</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Орындалды</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Сәтсіз аяқталды</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Жүріп жатыр</translation>
        </message>
        <message>
            <source>pushed %1, pulled %2, conflicts %3</source>
            <translation>жіберілді %1, алынды %2, қайшылық %3</translation>
        </message>
        <message>
            <source>This computer is not enrolled yet. Sync starts after enrolment.</source>
            <translation>Бұл компьютер әлі тіркелмеген. Синхрондау тіркелгеннен кейін басталады.</translation>
        </message>
        <message>
            <source> (head office)</source>
            <translation> (бас кеңсе)</translation>
        </message>
        <message>
            <source>Enrolled: %1%2
This computer: %3</source>
            <translation>Тіркелген орталық: %1%2
Бұл компьютер: %3</translation>
        </message>
        <message>
            <source>Head office: not set up</source>
            <translation>Бас кеңсемен байланыс бапталмаған</translation>
        </message>
        <message>
            <source>Head office: online</source>
            <translation>Бас кеңсемен байланыс бар</translation>
        </message>
        <message>
            <source>Head office: offline</source>
            <translation>Бас кеңсемен байланыс жоқ</translation>
        </message>
        <message>
            <source>Head office: not checked yet</source>
            <translation>Бас кеңсемен байланыс әлі тексерілмеген</translation>
        </message>
        <message>
            <source>Last sync: %1</source>
            <translation>Соңғы синхрондау: %1</translation>
        </message>
        <message>
            <source>Last sync: never</source>
            <translation>Соңғы синхрондау: әлі болған жоқ</translation>
        </message>
        <message>
            <source>Result: %1</source>
            <translation>Нәтиже: %1</translation>
        </message>
        <message>
            <source>Changes waiting to be sent: %1</source>
            <translation>Жіберуді күтіп тұрған өзгерістер: %1</translation>
        </message>
        <message>
            <source>Received rows waiting to be applied: %1</source>
            <translation>Қолданылуды күтіп тұрған алынған жолдар: %1</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Тарих</translation>
        </message>
        <message>
            <source>Conflicts (%1)</source>
            <translation>Қайшылықтар (%1)</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Қайшылықтар</translation>
        </message>
        <message>
            <source>Head office server</source>
            <translation>Бас кеңсе сервері</translation>
        </message>
        <message>
            <source>Server address:</source>
            <translation>Сервер мекенжайы:</translation>
        </message>
        <message>
            <source>One-time code:</source>
            <translation>Бір реттік код:</translation>
        </message>
        <message>
            <source>code from head office</source>
            <translation>бас кеңседен алынған код</translation>
        </message>
        <message>
            <source>Enrol this computer</source>
            <translation>Компьютерді тіркеу</translation>
        </message>
        <message>
            <source>Head office gives a one-time code for your center. Enrol once on each computer.</source>
            <translation>Бас кеңсе орталығыңызға бір реттік код береді. Әр компьютер бір рет тіркеледі.</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Синхрондау</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Қазір синхрондау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
        <message>
            <source>Sync automatically every</source>
            <translation>Автоматты синхрондау аралығы:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>never</source>
            <translation>өшірулі</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Басталды</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Нәтиже</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Жіберілді</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Алынды</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Қателер</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Хабар</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Жазба</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Өріс</translation>
        </message>
        <message>
            <source>My value</source>
            <translation>Менің мәнім</translation>
        </message>
        <message>
            <source>Their value</source>
            <translation>Сервердегі мән</translation>
        </message>
        <message>
            <source>The same field was changed here and elsewhere. The other value is in the record now; choose which one to keep.</source>
            <translation>Бір өріс осы жерде де, басқа жерде де өзгертілген. Қазір жазбада сервердегі мән тұр; қайсысын қалдыру керегін таңдаңыз.</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>Менікін қалдыру</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>Сервердікін қалдыру</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Өзгерту…</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Сұрақ</translation>
        </message>
        <message>
            <source>Advice given</source>
            <translation>Берілген кеңес</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Мәртебесі</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Байланыс түрі</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Қайта хабарласу</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ескертпе</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Атауы</translation>
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
            <source>Beneficiaries</source>
            <translation>Пайда алушылар</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Шешім</translation>
        </message>
        <message>
            <source>Refused by the server (%1)</source>
            <translation>Сервер қабылдамағандар (%1)</translation>
        </message>
        <message>
            <source>Refused by the server</source>
            <translation>Сервер қабылдамағандар</translation>
        </message>
        <message>
            <source>Audit entry</source>
            <translation>Аудит жазбасы</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Пайдаланушы</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>Тіркелген файл</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>CivicDesk</source>
            <extracomment>the code of the services' refusal of an actor whose account changed since sign-in (number of tasks not yet delivered) - for busy indicators called instead of ``on_error`` for :data:`SIGNED_OUT_CODE` (set by the session)</extracomment>
            <translation>CivicDesk</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>New account</source>
            <translation>Жаңа есептік жазба</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Есептік жазба</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>Аты-жөні:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Рөлі:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Мәртебесі:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Тіл:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Құпиясөз:</translation>
        </message>
        <message>
            <source>New password:</source>
            <translation>Жаңа құпиясөз:</translation>
        </message>
        <message>
            <source>Password again:</source>
            <translation>Құпиясөзді қайталаңыз:</translation>
        </message>
        <message>
            <source>leave empty to keep the password</source>
            <translation>құпиясөзді өзгертпеу үшін бос қалдырыңыз</translation>
        </message>
        <message>
            <source>active</source>
            <translation>белсенді</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>өшірілген</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Екі құпиясөз бірдей емес.</translation>
        </message>
    </context>
    <context>
        <name>UsersModel</name>
        <message>
            <source>Full name</source>
            <translation>Аты-жөні</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Логин</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Рөлі</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Белсенді</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>Соңғы кіру</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Add account</source>
            <translation>Есептік жазба қосу</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Өзгерту</translation>
        </message>
    </context>
    <context>
        <name>widget</name>
        <message>
            <source>IIN %1</source>
            <translation>ЖСН %1</translation>
        </message>
        <message>
            <source>born %1</source>
            <translation>туған жылы %1</translation>
        </message>
        <message>
            <source>consultations: %1</source>
            <translation>кеңестер: %1</translation>
        </message>
    </context>
    <context>
        <name>RefusedTable</name>
        <message>
            <source>Record</source>
            <translation>Жазба</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Идентификатор</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Себебі</translation>
        </message>
    </context>
    <context>
        <name>QuorumDialog</name>
        <message>
            <source>the center's setting since %1</source>
            <translation>орталықтың баптауы, күшіне енген күні %1</translation>
        </message>
        <message>
            <source>default, not set by the center</source>
            <translation>әдепкі, орталық баптамаған</translation>
        </message>
        <message>
            <source>Quorum and decision thresholds</source>
            <translation>Кворум мен шешім шегі</translation>
        </message>
        <message>
            <source>No law fixes these figures for the whole country: Article 39-3 of Law No. 148-II leaves them to the regulations your district maslikhat adopted. Enter them as those regulations say, with the date they take effect: meetings held before that date keep the rule they were judged by.</source>
            <translation>Бұл шектерді бүкіл ел үшін ешбір заң белгілемейді: «Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Заңның 39-3-бабы оларды аудандық мәслихат бекіткен регламентке қалдырады. Оларды сол регламент бойынша, күшіне енетін күнімен енгізіңіз: сол күнге дейін өткен жиналыстар бұрынғы ережемен бағаланады.</translation>
        </message>
        <message>
            <source>In force today:</source>
            <translation>Бүгін қолданыста:</translation>
        </message>
        <message>
            <source>Kind of meeting:</source>
            <translation>Жиналыс түрі:</translation>
        </message>
        <message>
            <source>Takes effect on:</source>
            <translation>Күшіне енетін күні:</translation>
        </message>
        <message>
            <source>Quorum:</source>
            <translation>Кворум:</translation>
        </message>
        <message>
            <source>Decision adopted by:</source>
            <translation>Шешім қабылданады:</translation>
        </message>
        <message>
            <source>more than</source>
            <translation>астам</translation>
        </message>
        <message>
            <source>at least</source>
            <translation>кемінде</translation>
        </message>
        <message>
            <source>of the members</source>
            <translation>— мүшелердің үлесі</translation>
        </message>
        <message>
            <source>of those present</source>
            <translation>— қатысушылардың үлесі</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Болдырмау</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Сақталмаған өзгерістер</translation>
        </message>
        <message>
            <source>The changes are not saved. Close the form anyway?</source>
            <translation>Өзгерістер сақталмаған. Бәрібір жабу керек пе?</translation>
        </message>
        <message>
            <source>Quorum and decision thresholds…</source>
            <translation>Кворум мен шешім шегі…</translation>
        </message>
    </context>
</TS>
