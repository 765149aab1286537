<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
    <context>
        <name>AssessmentsPage</name>
        <message>
            <source>Rank</source>
            <translation>Орны</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Мәселе</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>Көтергендер</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>Әйелдер</translation>
        </message>
        <message>
            <source>Men</source>
            <translation>Ерлер</translation>
        </message>
        <message>
            <source>Youth 14–35</source>
            <translation>Жастар 14–35</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Атауы</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Аудан</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Кезең</translation>
        </message>
        <message>
            <source>Focus groups</source>
            <translation>Фокус-топтар</translation>
        </message>
        <message>
            <source>Online survey</source>
            <translation>Онлайн сауалнама</translation>
        </message>
        <message>
            <source>Paper survey</source>
            <translation>Қағаз сауалнама</translation>
        </message>
        <message>
            <source>New assessment</source>
            <translation>Жаңа бағалау</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Күні</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Елді мекен</translation>
        </message>
        <message>
            <source>Moderator</source>
            <translation>Модератор</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Қатысушылар</translation>
        </message>
        <message>
            <source>Participants by age (youth: 14–35)</source>
            <translation>Қатысушылар жасы бойынша (жастар: 14–35)</translation>
        </message>
        <message>
            <source>Participants by category (no names)</source>
            <translation>Қатысушылар санаты бойынша (атысыз)</translation>
        </message>
        <message>
            <source>Youth</source>
            <translation>Жастар</translation>
        </message>
        <message>
            <source>Pensioners</source>
            <translation>Зейнеткерлер</translation>
        </message>
        <message>
            <source>People with disabilities</source>
            <translation>Мүгедектігі бар адамдар</translation>
        </message>
        <message>
            <source>Farmers</source>
            <translation>Шаруалар</translation>
        </message>
        <message>
            <source>Entrepreneurs</source>
            <translation>Кәсіпкерлер</translation>
        </message>
        <message>
            <source>Parents</source>
            <translation>Ата-аналар</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Басқалар</translation>
        </message>
        <message>
            <source>Save focus group</source>
            <translation>Фокус-топты сақтау</translation>
        </message>
        <message>
            <source>Focus group</source>
            <translation>Фокус-топ</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Сауалнама</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>Рейтинг</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>Дауыстар</translation>
        </message>
        <message>
            <source>focus groups: %1, respondents: %2</source>
            <translation>фокус-топтар: %1, респонденттер: %2</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Сақталды.</translation>
        </message>
    </context>
    <context>
        <name>LinkProblemButton</name>
        <message>
            <source>Link to problem…</source>
            <translation>Мәселеге байланыстыру…</translation>
        </message>
    </context>
    <context>
        <name>ProblemPicker</name>
        <message>
            <source>Link to problem</source>
            <translation>Мәселеге байланыстыру</translation>
        </message>
        <message>
            <source>Double-click the problem this record raised.</source>
            <translation>Осы жазба көтерген мәселені екі рет басыңыз.</translation>
        </message>
        <message>
            <source>Search by title…</source>
            <translation>Атауы бойынша іздеу…</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message>
            <source>Problem</source>
            <translation>Мәселе</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Елді мекен</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>Көтергендер</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Күйі</translation>
        </message>
        <message>
            <source>Search by title…</source>
            <translation>Атауы бойынша іздеу…</translation>
        </message>
        <message>
            <source>New problem</source>
            <translation>Жаңа мәселе</translation>
        </message>
        <message>
            <source>Every state</source>
            <translation>Барлық күйлер</translation>
        </message>
        <message>
            <source>Every category</source>
            <translation>Барлық санаттар</translation>
        </message>
        <message>
            <source>Overdue answers only</source>
            <translation>Тек мерзімі өткен жауаптар</translation>
        </message>
        <message>
            <source>Sort by</source>
            <translation>Сұрыптау</translation>
        </message>
        <message>
            <source>First raised</source>
            <translation>Алғаш көтерілген күні</translation>
        </message>
        <message>
            <source>How many raised it</source>
            <translation>Көтергендер саны</translation>
        </message>
        <message>
            <source>Answer due</source>
            <translation>Жауап мерзімі</translation>
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
            <source>Category</source>
            <translation>Санаты</translation>
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
            <source>Latitude, longitude</source>
            <translation>Ендік, бойлық</translation>
        </message>
        <message>
            <source>Save coordinates</source>
            <translation>Координаттарды сақтау</translation>
        </message>
        <message>
            <source>Export GeoJSON…</source>
            <translation>GeoJSON экспорты…</translation>
        </message>
        <message>
            <source>Print priority list</source>
            <translation>Басымдық тізімін басып шығару</translation>
        </message>
        <message>
            <source>Life cycle</source>
            <translation>Өмірлік циклі</translation>
        </message>
        <message>
            <source>Outgoing number of the appeal</source>
            <translation>Өтініштің шығыс нөмірі</translation>
        </message>
        <message>
            <source>Take up</source>
            <translation>Қолға алу</translation>
        </message>
        <message>
            <source>The akim's answer or the decision</source>
            <translation>Әкімнің жауабы немесе шешім</translation>
        </message>
        <message>
            <source>Answer received</source>
            <translation>Жауап алынды</translation>
        </message>
        <message>
            <source>Date of the step</source>
            <translation>Қадамның күні</translation>
        </message>
        <message>
            <source>Term extended to</source>
            <translation>Мерзімді ұзарту</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Шешілді</translation>
        </message>
        <message>
            <source>Not resolved</source>
            <translation>Шешілмеді</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>мерзімі өтті</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>мерзімі %1</translation>
        </message>
        <message>
            <source>Save the problem first, then follow it up.</source>
            <translation>Алдымен мәселені сақтаңыз, содан кейін оның барысын бақылаңыз.</translation>
        </message>
        <message>
            <source>extended to %1</source>
            <translation>%1 дейін ұзартылды</translation>
        </message>
        <message>
            <source>answer due %1</source>
            <translation>жауап мерзімі %1</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>МЕРЗІМІ ӨТТІ</translation>
        </message>
        <message>
            <source>From reference data</source>
            <translation>Анықтамалықтан</translation>
        </message>
        <message>
            <source>Give the settlements without coordinates those of the reference data where it knows the settlement in its district; entered coordinates stay</source>
            <translation>Координатасы жоқ елді мекендерге анықтамалықтағы координаттарды қояды (анықтамалық елді мекенді өз ауданында білсе); енгізілген координаттар өзгермейді</translation>
        </message>
        <message>
            <source>Coordinates from the reference data: %1 settlements; %2 still without them (enter those by hand)</source>
            <translation>Анықтамалықтан координат алған елді мекендер: %1; координатасыз қалғандары: %2 (оларды қолмен енгізіңіз)</translation>
        </message>
        <message>
            <source>%1 settlements written to %2</source>
            <translation>%2 файлына %1 елді мекен жазылды</translation>
        </message>
        <message>
            <source>Priority list</source>
            <translation>Басымдық тізімі</translation>
        </message>
    </context>
    <context>
        <name>SurveyGrid</name>
        <message>
            <source>Male</source>
            <translation>Ер</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Әйел</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Жынысы</translation>
        </message>
        <message>
            <source>1 = male, 2 = female (or the first letter); 0 clears</source>
            <translation>1 — ер, 2 — әйел (немесе бірінші әрпі); 0 — өшіру</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Жасы</translation>
        </message>
        <message>
            <source>Age in years</source>
            <translation>Жасы (толық жыл)</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Елді мекен</translation>
        </message>
        <message>
            <source>Type the first letters of the name; F2 opens the list</source>
            <translation>Атауының алғашқы әріптерін жазыңыз; F2 — тізім</translation>
        </message>
        <message>
            <source>Survey code: %1</source>
            <translation>Сауалнамадағы коды: %1</translation>
        </message>
        <message>
            <source>Sex: 1 or «%1», 2 or «%2»; 0 clears</source>
            <translation>Жынысы: 1 немесе «%1», 2 немесе «%2»; 0 — өшіру</translation>
        </message>
        <message>
            <source>Age: type the age in years (digits)</source>
            <translation>Жасы: толық жылды цифрмен жазыңыз</translation>
        </message>
        <message>
            <source>No settlement of the district begins with «%1»</source>
            <translation>Аудандағы бірде-бір елді мекен «%1» деп басталмайды</translation>
        </message>
        <message>
            <source>Space ticks or unticks the problem</source>
            <translation>Бос орын пернесі мәселені белгілейді не белгіні алады</translation>
        </message>
    </context>
    <context>
        <name>SurveyTab</name>
        <message>
            <source>One paper questionnaire a row. Sex: 1 or 2 (or the first letter); age in years; settlement: the first letters of its name (F2: the list); Space ticks a problem. Tab or Enter: next cell; Delete: empty the row. A problem's full title and its code in the phone survey form are in its column's tooltip.</source>
            <translation>Бір жол — бір қағаз сауалнама. Жынысы: 1 не 2 (немесе бірінші әрпі); жасы — толық жыл; елді мекен — атауының алғашқы әріптері (F2 — тізім); бос орын пернесі мәселені белгілейді. Tab не Enter — келесі ұяшық; Delete — жолды тазарту. Мәселенің толық атауы мен телефондағы сауалнама формасындағы коды баған тақырыбының кеңесінде.</translation>
        </message>
        <message>
            <source>Import survey CSV…</source>
            <translation>Сауалнаманы CSV-дан импорттау…</translation>
        </message>
        <message>
            <source>Save rows</source>
            <translation>Жолдарды сақтау</translation>
        </message>
        <message>
            <source>Rows not saved: %1</source>
            <translation>Сақталмаған жолдар: %1</translation>
        </message>
        <message>
            <source>Saved: %1 respondents.</source>
            <translation>Сақталды: %1 респондент.</translation>
        </message>
        <message>
            <source>… and %1 more (see the coloured cells)</source>
            <translation>… және тағы %1 (боялған ұяшықтарды қараңыз)</translation>
        </message>
        <message>
            <source>Nothing was saved. Correct the coloured cells or empty the row (Delete):</source>
            <translation>Ештеңе сақталмады. Боялған ұяшықтарды түзетіңіз немесе жолды тазартыңыз (Delete):</translation>
        </message>
        <message>
            <source>Corrected: the rows can be saved.</source>
            <translation>Түзетілді: жолдарды сақтауға болады.</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV файлдары (*.csv)</translation>
        </message>
        <message>
            <source>Imported: %1, already there: %2</source>
            <translation>Импортталды: %1, бұрыннан бар: %2</translation>
        </message>
    </context>
</TS>
