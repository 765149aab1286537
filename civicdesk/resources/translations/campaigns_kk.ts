<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Start</source>
        <translation>Басталуы</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Науқан</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Парақтар</translation>
    </message>
    <message>
        <source>Search campaigns…</source>
        <translation>Науқандарды іздеу…</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Жаңа науқан</translation>
    </message>
    <message>
        <source>Title (Kazakh)</source>
        <translation>Атауы (қазақша)</translation>
    </message>
    <message>
        <source>Title (Russian)</source>
        <translation>Атауы (орысша)</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Басталу күні</translation>
    </message>
    <message>
        <source>Booklet</source>
        <translation>Кітапша</translation>
    </message>
    <message>
        <source>Knows: correct answers needed (0 = all)</source>
        <translation>«Біледі»: қажетті дұрыс жауаптар (0 — бәрі)</translation>
    </message>
    <message>
        <source>Questions (3 to 8). Options are separated by &apos;;&apos;, correct options are typed as their numbers, e.g. 2 or 13.</source>
        <translation>Сұрақтар (3-тен 8-ге дейін). Жауап нұсқалары «;» арқылы бөлінеді, дұрыс нұсқалар нөмірімен жазылады, мысалы 2 немесе 13.</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Сұрақ қосу</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>Сұрақты жою</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Add endline wave</source>
        <translation>Қорытынды кезең қосу</translation>
    </message>
    <message>
        <source>Scan the sheet&apos;s QR code here</source>
        <translation>Парақтың QR кодын осында сканерлеңіз</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV импорттау…</translation>
    </message>
    <message>
        <source>Print sheets</source>
        <translation>Парақтарды басып шығару</translation>
    </message>
    <message>
        <source>A4 sheets</source>
        <translation>A4 парақтар</translation>
    </message>
    <message>
        <source>A5 sheets</source>
        <translation>A5 парақтар</translation>
    </message>
    <message>
        <source>Paper of the questionnaire: one sheet a respondent on A4, or on A5 (half an A4)</source>
        <translation>Сауалнама қағазы: әр респондентке бір парақ — A4 немесе A5 (A4-тің жартысы)</translation>
    </message>
    <message>
        <source>Campaign and questionnaire</source>
        <translation>Науқан және сауалнама</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Көрсеткіштер</translation>
    </message>
    <message>
        <source>Question (Kazakh)</source>
        <translation>Сұрақ (қазақша)</translation>
    </message>
    <message>
        <source>Question (Russian)</source>
        <translation>Сұрақ (орысша)</translation>
    </message>
    <message>
        <source>Several answers</source>
        <translation>Бірнеше жауап</translation>
    </message>
    <message>
        <source>Options (Kazakh)</source>
        <translation>Жауап нұсқалары (қазақша)</translation>
    </message>
    <message>
        <source>Options (Russian)</source>
        <translation>Жауап нұсқалары (орысша)</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Дұрыс</translation>
    </message>
    <message>
        <source>Type digits: sex 1 male, 2 female; age 1 14–17, 2 18–29, 3 30–35, 4 36–44, 5 45–59, 6 60+; village by its number; answers by option numbers; 0 = not stated / no answer. Enter moves on and saves the row at its end; Ctrl+Enter saves at once.</source>
        <translation>Сандармен теріңіз: жынысы 1 ер, 2 әйел; жасы 1 14–17, 2 18–29, 3 30–35, 4 36–44, 5 45–59, 6 60+; елді мекен нөмірімен; жауаптар нұсқа нөмірімен; 0 — көрсетілмеген / жауап жоқ. Enter келесі бағанға өтеді, жол соңында сақтайды; Ctrl+Enter бірден сақтайды.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Бастапқы</translation>
    </message>
    <message>
        <source>Endline</source>
        <translation>Қорытынды</translation>
    </message>
    <message>
        <source>Villages: %1</source>
        <translation>Елді мекендер: %1</translation>
    </message>
    <message>
        <source>Sheet No. %1 saved</source>
        <translation>№%1 парақ сақталды</translation>
    </message>
    <message>
        <source>Row %1 is not saved: %2</source>
        <translation>%1-жол сақталмады: %2</translation>
    </message>
    <message>
        <source>This QR code is not a sheet of this campaign</source>
        <translation>Бұл QR код осы науқанның парағы емес</translation>
    </message>
    <message>
        <source>Import a wave</source>
        <translation>Кезеңді импорттау</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <source>Imported %1 sheets, %2 already there</source>
        <translation>%1 парақ импортталды, %2 бұрыннан бар</translation>
    </message>
    <message>
        <source>Questionnaire sheets</source>
        <translation>Сауалнама парақтары</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Broken down by</source>
        <translation>Бөлу белгісі</translation>
    </message>
    <message>
        <source>Recalculate</source>
        <translation>Қайта есептеу</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Топ</translation>
    </message>
    <message>
        <source>Baseline: know</source>
        <translation>Бастапқы: біледі</translation>
    </message>
    <message>
        <source>Endline: know</source>
        <translation>Қорытынды: біледі</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгеріс</translation>
    </message>
    <message>
        <source>Shares with a 95 % Wilson interval; the change between the baseline and the endline in percentage points with Newcombe&apos;s interval, and as relative growth. A blank answer counts as not known.</source>
        <translation>Үлестер 95 % Уилсон аралығымен; бастапқы мен қорытынды кезең арасындағы өзгеріс пайыздық тармақпен (Ньюкомб аралығы) және салыстырмалы өсу ретінде. Бос жауап «білмейді» деп есептеледі.</translation>
    </message>
    <message>
        <source>Copies printed %1, handed out %2 (staff %3, volunteers %4) in %5 villages; people briefed in person %6</source>
        <translation>Басылды %1 дана, таратылды %2 (қызметкерлер %3, еріктілер %4) %5 елді мекенде; жеке түсіндірілді %6 адамға</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Сұрақ</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Бастапқы</translation>
    </message>
    <message>
        <source>Endline</source>
        <translation>Қорытынды</translation>
    </message>
    <message>
        <source>Change (baseline → endline)</source>
        <translation>Өзгеріс (бастапқы → қорытынды)</translation>
    </message>
    <message>
        <source>Knows (at least %1 of %2 correct)</source>
        <translation>Біледі (%2 сұрақтың кемінде %1 дұрыс)</translation>
    </message>
</context>
<context>
    <name>HandOutPanel</name>
    <message>
        <source>Hand out the booklet</source>
        <translation>Кітапшаны тарату</translation>
    </message>
    <message>
        <source>Print run</source>
        <translation>Таралым</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Дана</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Handed out by</source>
        <translation>Кім таратты</translation>
    </message>
    <message>
        <source>People briefed in person</source>
        <translation>Жеке түсіндірілген адамдар</translation>
    </message>
    <message>
        <source>Record hand-out</source>
        <translation>Таратуды тіркеу</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Қызметкерлер</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Еріктілер</translation>
    </message>
    <message>
        <source>%1: %2 copies, %3 left</source>
        <translation>%1: %2 дана, %3 қалды</translation>
    </message>
</context>
<context>
    <name>SheetGrid</name>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Жасы</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>С%1</translation>
    </message>
    <message>
        <source>Type a digit from 1 to %1, or 0 for no answer</source>
        <translation>1-ден %1-ге дейінгі санды теріңіз, жауап жоқ болса — 0</translation>
    </message>
</context>
</TS>
