<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Кампания</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Листы</translation>
    </message>
    <message>
        <source>Search campaigns…</source>
        <translation>Поиск кампаний…</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Новая кампания</translation>
    </message>
    <message>
        <source>Title (Kazakh)</source>
        <translation>Название (на казахском)</translation>
    </message>
    <message>
        <source>Title (Russian)</source>
        <translation>Название (на русском)</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>Booklet</source>
        <translation>Буклет</translation>
    </message>
    <message>
        <source>Knows: correct answers needed (0 = all)</source>
        <translation>«Знает»: нужно верных ответов (0 — все)</translation>
    </message>
    <message>
        <source>Questions (3 to 8). Options are separated by &apos;;&apos;, correct options are typed as their numbers, e.g. 2 or 13.</source>
        <translation>Вопросы (от 3 до 8). Варианты разделяются «;», правильные варианты пишутся номерами, например 2 или 13.</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Добавить вопрос</translation>
    </message>
    <message>
        <source>Remove question</source>
        <translation>Удалить вопрос</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add endline wave</source>
        <translation>Добавить итоговую волну</translation>
    </message>
    <message>
        <source>Scan the sheet&apos;s QR code here</source>
        <translation>Сканируйте сюда QR-код листа</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Импорт CSV…</translation>
    </message>
    <message>
        <source>Print sheets</source>
        <translation>Печать листов</translation>
    </message>
    <message>
        <source>A4 sheets</source>
        <translation>Листы A4</translation>
    </message>
    <message>
        <source>A5 sheets</source>
        <translation>Листы A5</translation>
    </message>
    <message>
        <source>Paper of the questionnaire: one sheet a respondent on A4, or on A5 (half an A4)</source>
        <translation>Бумага анкеты: по листу на респондента — A4 или A5 (половина A4)</translation>
    </message>
    <message>
        <source>Campaign and questionnaire</source>
        <translation>Кампания и анкета</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Question (Kazakh)</source>
        <translation>Вопрос (на казахском)</translation>
    </message>
    <message>
        <source>Question (Russian)</source>
        <translation>Вопрос (на русском)</translation>
    </message>
    <message>
        <source>Several answers</source>
        <translation>Несколько ответов</translation>
    </message>
    <message>
        <source>Options (Kazakh)</source>
        <translation>Варианты (на казахском)</translation>
    </message>
    <message>
        <source>Options (Russian)</source>
        <translation>Варианты (на русском)</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Правильные</translation>
    </message>
    <message>
        <source>Type digits: sex 1 male, 2 female; age 1 14–17, 2 18–29, 3 30–35, 4 36–44, 5 45–59, 6 60+; village by its number; answers by option numbers; 0 = not stated / no answer. Enter moves on and saves the row at its end; Ctrl+Enter saves at once.</source>
        <translation>Вводите цифрами: пол 1 мужской, 2 женский; возраст 1 14–17, 2 18–29, 3 30–35, 4 36–44, 5 45–59, 6 60+; населённый пункт по номеру; ответы по номерам вариантов; 0 — не указано / нет ответа. Enter переходит дальше и в конце строки сохраняет её; Ctrl+Enter сохраняет сразу.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Исходная</translation>
    </message>
    <message>
        <source>Endline</source>
        <translation>Итоговая</translation>
    </message>
    <message>
        <source>Villages: %1</source>
        <translation>Населённые пункты: %1</translation>
    </message>
    <message>
        <source>Sheet No. %1 saved</source>
        <translation>Лист №%1 сохранён</translation>
    </message>
    <message>
        <source>Row %1 is not saved: %2</source>
        <translation>Строка %1 не сохранена: %2</translation>
    </message>
    <message>
        <source>This QR code is not a sheet of this campaign</source>
        <translation>Этот QR-код не лист этой кампании</translation>
    </message>
    <message>
        <source>Import a wave</source>
        <translation>Импорт волны</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Imported %1 sheets, %2 already there</source>
        <translation>Импортировано листов: %1, уже были: %2</translation>
    </message>
    <message>
        <source>Questionnaire sheets</source>
        <translation>Листы анкеты</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>Broken down by</source>
        <translation>В разбивке по</translation>
    </message>
    <message>
        <source>Recalculate</source>
        <translation>Пересчитать</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Baseline: know</source>
        <translation>Исходная: знают</translation>
    </message>
    <message>
        <source>Endline: know</source>
        <translation>Итоговая: знают</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Shares with a 95 % Wilson interval; the change between the baseline and the endline in percentage points with Newcombe&apos;s interval, and as relative growth. A blank answer counts as not known.</source>
        <translation>Доли с 95 % интервалом Уилсона; изменение между исходной и итоговой волной в процентных пунктах (интервал Ньюкомба) и как относительный рост. Пустой ответ считается как «не знает».</translation>
    </message>
    <message>
        <source>Copies printed %1, handed out %2 (staff %3, volunteers %4) in %5 villages; people briefed in person %6</source>
        <translation>Напечатано %1 экз., роздано %2 (сотрудники %3, волонтёры %4) в %5 населённых пунктах; лично разъяснено %6 людям</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Исходная</translation>
    </message>
    <message>
        <source>Endline</source>
        <translation>Итоговая</translation>
    </message>
    <message>
        <source>Change (baseline → endline)</source>
        <translation>Изменение (исходная → итоговая)</translation>
    </message>
    <message>
        <source>Knows (at least %1 of %2 correct)</source>
        <translation>Знают (не менее %1 из %2 верно)</translation>
    </message>
</context>
<context>
    <name>HandOutPanel</name>
    <message>
        <source>Hand out the booklet</source>
        <translation>Раздача буклета</translation>
    </message>
    <message>
        <source>Print run</source>
        <translation>Тираж</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Экземпляров</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Handed out by</source>
        <translation>Кто раздавал</translation>
    </message>
    <message>
        <source>People briefed in person</source>
        <translation>Лично разъяснено людям</translation>
    </message>
    <message>
        <source>Record hand-out</source>
        <translation>Записать раздачу</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Волонтёры</translation>
    </message>
    <message>
        <source>%1: %2 copies, %3 left</source>
        <translation>%1: %2 экз., осталось %3</translation>
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
        <translation>Пол</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>В%1</translation>
    </message>
    <message>
        <source>Type a digit from 1 to %1, or 0 for no answer</source>
        <translation>Введите цифру от 1 до %1, без ответа — 0</translation>
    </message>
</context>
</TS>
