<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AidTab</name>
    <message>
        <source>Record the aid action</source>
        <translation>Көмек шарасын жазу</translation>
    </message>
    <message>
        <source>tonne, bag, m³…</source>
        <translation>тонна, қап, м³…</translation>
    </message>
    <message>
        <source>What was given:</source>
        <translation>Не берілді:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Күні:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>Amount or value, ₸:</source>
        <translation>Сомасы немесе құны, ₸:</translation>
    </message>
    <message>
        <source>Quantity in kind:</source>
        <translation>Заттай мөлшері:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Өлшем бірлігі:</translation>
    </message>
    <message>
        <source>Households helped:</source>
        <translation>Көмек алған үйлер:</translation>
    </message>
    <message>
        <source>Services that took part:</source>
        <translation>Қатысқан қызметтер:</translation>
    </message>
    <message>
        <source>New aid action</source>
        <translation>Жаңа көмек шарасы</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Өзгерістерді сақтау</translation>
    </message>
    <message>
        <source>Correcting «%1».</source>
        <translation>«%1» түзетілуде.</translation>
    </message>
    <message>
        <source>Delete the aid action</source>
        <translation>Көмек шарасын жою</translation>
    </message>
    <message>
        <source>Delete the aid action «%1»?</source>
        <translation>«%1» көмек шарасы жойылсын ба?</translation>
    </message>
</context>
<context>
    <name>AssignmentsTab</name>
    <message>
        <source>Record the work</source>
        <translation>Жұмысты жазу</translation>
    </message>
    <message>
        <source>Search by volunteer&apos;s name…</source>
        <translation>Еріктінің аты-жөні бойынша іздеу…</translation>
    </message>
    <message>
        <source>e.g. 2,5</source>
        <translation>мысалы 2,5</translation>
    </message>
    <message>
        <source>Volunteer:</source>
        <translation>Ерікті:</translation>
    </message>
    <message>
        <source>Work:</source>
        <translation>Жұмыс:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Күні:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Сағат:</translation>
    </message>
    <message>
        <source>Aid action:</source>
        <translation>Көмек шарасы:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ескертпе:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— жоқ —</translation>
    </message>
    <message>
        <source>Choose a volunteer with valid consent.</source>
        <translation>Келісімі жарамды еріктіні таңдаңыз.</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Жаңа жазба</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Ұйым:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Науқан:</translation>
    </message>
    <message>
        <source>Seminar:</source>
        <translation>Семинар:</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Өзгерістерді сақтау</translation>
    </message>
    <message>
        <source>Correcting the work of %1 on %2.</source>
        <translation>%1: %2 күнгі жұмысы түзетілуде.</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Жазбаны жою</translation>
    </message>
    <message>
        <source>Delete the work of %1 on %2 (%3 h)? The hours leave the volunteer's total and the statistics.</source>
        <translation>%1: %2 күнгі жұмысы (%3 сағ) жойылсын ба? Бұл сағаттар еріктінің жиынтығынан және статистикадан шығады.</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Search by name, phone or skill…</source>
        <translation>Аты-жөні, телефоны немесе дағдысы бойынша іздеу…</translation>
    </message>
    <message>
        <source>with valid consent</source>
        <translation>келісімі жарамды</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>Жаңа ерікті</translation>
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
        <source>Consent withdrawn today</source>
        <translation>Келісім бүгін кері қайтарылды</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>Деректерді шығару…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>Өтініш бойынша жою…</translation>
    </message>
    <message>
        <source>Thank-you letter (this year)</source>
        <translation>Алғыс хат (биылғы)</translation>
    </message>
    <message>
        <source>Certificate of hours (this year)</source>
        <translation>Сағат сертификаты (биылғы)</translation>
    </message>
    <message>
        <source>For the national register…</source>
        <translation>Ұлттық тізілімге…</translation>
    </message>
    <message>
        <source>12 digits, optional</source>
        <translation>12 цифр, міндетті емес</translation>
    </message>
    <message>
        <source>driver, computer, languages…</source>
        <translation>жүргізуші, компьютер, тілдер…</translation>
    </message>
    <message>
        <source>weekends, evenings…</source>
        <translation>демалыс күндері, кешке…</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Аты-жөні:</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>ЖСН:</translation>
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
        <source>Skills:</source>
        <translation>Дағдылары:</translation>
    </message>
    <message>
        <source>Availability:</source>
        <translation>Бос уақыты:</translation>
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
        <source>— not set —</source>
        <translation>— көрсетілмеген —</translation>
    </message>
    <message>
        <source>Volunteers: {n}</source>
        <translation>Еріктілер: {n}</translation>
    </message>
    <message>
        <source>A new volunteer: fill in the card with the person.</source>
        <translation>Жаңа ерікті: картаны адаммен бірге толтырыңыз.</translation>
    </message>
    <message>
        <source>Consent withdrawn on %1: no new assignments. Hours: %2</source>
        <translation>Келісім %1 кері қайтарылды: жаңа тапсырма берілмейді. Сағат: %2</translation>
    </message>
    <message>
        <source>Hours given: %1</source>
        <translation>Берілген сағат: %1</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Деректерді шығару</translation>
    </message>
    <message>
        <source>Erase on request</source>
        <translation>Өтініш бойынша жою</translation>
    </message>
    <message>
        <source>Erase this volunteer&apos;s name, IIN, phone, skills and availability? The hours stay in the statistics without a name. This cannot be undone.</source>
        <translation>Еріктінің аты-жөні, ЖСН-і, телефоны, дағдылары мен бос уақыты жойылсын ба? Сағаттар статистикада атаусыз қалады. Бұл әрекетті қайтаруға болмайды.</translation>
    </message>
    <message>
        <source>Thank-you letter</source>
        <translation>Алғыс хат</translation>
    </message>
    <message>
        <source>Certificate of volunteer hours</source>
        <translation>Ерікті сағаты сертификаты</translation>
    </message>
    <message>
        <source>For the national register</source>
        <translation>Ұлттық тізілімге</translation>
    </message>
    <message>
        <source>Written for the national register: {n}</source>
        <translation>Ұлттық тізілімге жазылды: {n}</translation>
    </message>
</context>
<context>
    <name>VolunteerWork</name>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Ерікті</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Жұмыс</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Сағат</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Кімге / неге</translation>
    </message>
    <message>
        <source>Aid</source>
        <translation>Көмек</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Мөлшері</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Үйлер</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Еріктілер</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Қызметтер</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <source>withdrawn %1</source>
        <translation>%1 кері қайтарылды</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Елді мекен</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Дағдылары</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Бос уақыты</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Сағат</translation>
    </message>
    <message>
        <source>Consent given on %1</source>
        <translation>Келісім %1 берілді</translation>
    </message>
    <message>
        <source>Consent given on %1, withdrawn on %2</source>
        <translation>Келісім %1 берілді, %2 кері қайтарылды</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Register</source>
        <translation>Тізілім</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Тапсырмалар</translation>
    </message>
    <message>
        <source>Aid actions</source>
        <translation>Көмек шаралары</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Ұйымдар</translation>
    </message>
</context>
<context>
    <name>OrgsModel</name>
    <message>
        <source>Organisation</source>
        <translation>Ұйым</translation>
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
        <source>Contact</source>
        <translation>Байланыс</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Тапсырмалар</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Қажеттілігі</translation>
    </message>
</context>
<context>
    <name>OrgsTab</name>
    <message>
        <source>Search by name or need…</source>
        <translation>Атауы немесе қажеттілігі бойынша іздеу…</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Жаңа ұйым</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>e.g. +7 701 123 45 67</source>
        <translation>мысалы +7 701 123 45 67</translation>
    </message>
    <message>
        <source>what help they ask for</source>
        <translation>қандай көмек сұрайды</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Атауы:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Түрі:</translation>
    </message>
    <message>
        <source>Settlement:</source>
        <translation>Елді мекен:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Байланыс адамы:</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>Байланыс телефоны:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Қажеттілігі:</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>барлық түрі</translation>
    </message>
    <message>
        <source>Organisations: {n}</source>
        <translation>Ұйымдар: {n}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— көрсетілмеген —</translation>
    </message>
    <message>
        <source>A new organisation that asks for volunteers.</source>
        <translation>Еріктілер сұрайтын жаңа ұйым.</translation>
    </message>
    <message>
        <source>Assignments that name it: {n}</source>
        <translation>Осы ұйымға жазылған тапсырмалар: {n}</translation>
    </message>
    <message>
        <source>Delete the organisation</source>
        <translation>Ұйымды жою</translation>
    </message>
    <message>
        <source>Delete «%1» from the list of organisations?</source>
        <translation>«%1» ұйымдар тізімінен жойылсын ба?</translation>
    </message>
</context>
</TS>
