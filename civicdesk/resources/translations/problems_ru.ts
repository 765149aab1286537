<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
    <context>
        <name>AssessmentsPage</name>
        <message>
            <source>Rank</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Проблема</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>Подняли</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>Женщины</translation>
        </message>
        <message>
            <source>Men</source>
            <translation>Мужчины</translation>
        </message>
        <message>
            <source>Youth 14–35</source>
            <translation>Молодёжь 14–35</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Район</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Период</translation>
        </message>
        <message>
            <source>Focus groups</source>
            <translation>Фокус-группы</translation>
        </message>
        <message>
            <source>Online survey</source>
            <translation>Онлайн-опрос</translation>
        </message>
        <message>
            <source>Paper survey</source>
            <translation>Бумажный опрос</translation>
        </message>
        <message>
            <source>New assessment</source>
            <translation>Новая оценка</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Населённый пункт</translation>
        </message>
        <message>
            <source>Moderator</source>
            <translation>Модератор</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Участники</translation>
        </message>
        <message>
            <source>Participants by age (youth: 14–35)</source>
            <translation>Участники по возрасту (молодёжь: 14–35)</translation>
        </message>
        <message>
            <source>Participants by category (no names)</source>
            <translation>Участники по категориям (без имён)</translation>
        </message>
        <message>
            <source>Youth</source>
            <translation>Молодёжь</translation>
        </message>
        <message>
            <source>Pensioners</source>
            <translation>Пенсионеры</translation>
        </message>
        <message>
            <source>People with disabilities</source>
            <translation>Люди с инвалидностью</translation>
        </message>
        <message>
            <source>Farmers</source>
            <translation>Фермеры</translation>
        </message>
        <message>
            <source>Entrepreneurs</source>
            <translation>Предприниматели</translation>
        </message>
        <message>
            <source>Parents</source>
            <translation>Родители</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Другие</translation>
        </message>
        <message>
            <source>Save focus group</source>
            <translation>Сохранить фокус-группу</translation>
        </message>
        <message>
            <source>Focus group</source>
            <translation>Фокус-группа</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Опрос</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>Рейтинг</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>Голоса</translation>
        </message>
        <message>
            <source>focus groups: %1, respondents: %2</source>
            <translation>фокус-групп: %1, респондентов: %2</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Сохранено.</translation>
        </message>
    </context>
    <context>
        <name>LinkProblemButton</name>
        <message>
            <source>Link to problem…</source>
            <translation>Привязать к проблеме…</translation>
        </message>
    </context>
    <context>
        <name>ProblemPicker</name>
        <message>
            <source>Link to problem</source>
            <translation>Привязать к проблеме</translation>
        </message>
        <message>
            <source>Double-click the problem this record raised.</source>
            <translation>Дважды щёлкните проблему, которую подняла эта запись.</translation>
        </message>
        <message>
            <source>Search by title…</source>
            <translation>Поиск по названию…</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message>
            <source>Problem</source>
            <translation>Проблема</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Населённый пункт</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>Подняли</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>Search by title…</source>
            <translation>Поиск по названию…</translation>
        </message>
        <message>
            <source>New problem</source>
            <translation>Новая проблема</translation>
        </message>
        <message>
            <source>Every state</source>
            <translation>Все состояния</translation>
        </message>
        <message>
            <source>Every category</source>
            <translation>Все категории</translation>
        </message>
        <message>
            <source>Overdue answers only</source>
            <translation>Только просроченные ответы</translation>
        </message>
        <message>
            <source>Sort by</source>
            <translation>Сортировка</translation>
        </message>
        <message>
            <source>First raised</source>
            <translation>Впервые поднята</translation>
        </message>
        <message>
            <source>How many raised it</source>
            <translation>Сколько человек подняли</translation>
        </message>
        <message>
            <source>Answer due</source>
            <translation>Срок ответа</translation>
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
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Latitude, longitude</source>
            <translation>Широта, долгота</translation>
        </message>
        <message>
            <source>Save coordinates</source>
            <translation>Сохранить координаты</translation>
        </message>
        <message>
            <source>Export GeoJSON…</source>
            <translation>Экспорт GeoJSON…</translation>
        </message>
        <message>
            <source>Print priority list</source>
            <translation>Печать приоритетного списка</translation>
        </message>
        <message>
            <source>Life cycle</source>
            <translation>Жизненный цикл</translation>
        </message>
        <message>
            <source>Outgoing number of the appeal</source>
            <translation>Исходящий номер обращения</translation>
        </message>
        <message>
            <source>Take up</source>
            <translation>Взять в работу</translation>
        </message>
        <message>
            <source>The akim's answer or the decision</source>
            <translation>Ответ акима или решение</translation>
        </message>
        <message>
            <source>Answer received</source>
            <translation>Ответ получен</translation>
        </message>
        <message>
            <source>Date of the step</source>
            <translation>Дата шага</translation>
        </message>
        <message>
            <source>Term extended to</source>
            <translation>Продлить срок до</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Решена</translation>
        </message>
        <message>
            <source>Not resolved</source>
            <translation>Не решена</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>просрочено</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>срок %1</translation>
        </message>
        <message>
            <source>Save the problem first, then follow it up.</source>
            <translation>Сначала сохраните проблему, затем следите за её ходом.</translation>
        </message>
        <message>
            <source>extended to %1</source>
            <translation>продлён до %1</translation>
        </message>
        <message>
            <source>answer due %1</source>
            <translation>срок ответа %1</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>ПРОСРОЧЕНО</translation>
        </message>
        <message>
            <source>From reference data</source>
            <translation>Из справочника</translation>
        </message>
        <message>
            <source>Give the settlements without coordinates those of the reference data where it knows the settlement in its district; entered coordinates stay</source>
            <translation>Поставить населённым пунктам без координат координаты из справочника (если справочник знает пункт в его районе); введённые координаты не меняются</translation>
        </message>
        <message>
            <source>Coordinates from the reference data: %1 settlements; %2 still without them (enter those by hand)</source>
            <translation>Координаты из справочника получили населённых пунктов: %1; без координат осталось: %2 (введите их вручную)</translation>
        </message>
        <message>
            <source>%1 settlements written to %2</source>
            <translation>В файл %2 записано населённых пунктов: %1</translation>
        </message>
        <message>
            <source>Priority list</source>
            <translation>Приоритетный список</translation>
        </message>
    </context>
    <context>
        <name>SurveyGrid</name>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>1 = male, 2 = female (or the first letter); 0 clears</source>
            <translation>1 — мужской, 2 — женский (или первая буква); 0 — очистить</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Возраст</translation>
        </message>
        <message>
            <source>Age in years</source>
            <translation>Возраст (полных лет)</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Населённый пункт</translation>
        </message>
        <message>
            <source>Type the first letters of the name; F2 opens the list</source>
            <translation>Введите первые буквы названия; F2 — список</translation>
        </message>
        <message>
            <source>Survey code: %1</source>
            <translation>Код в форме опроса: %1</translation>
        </message>
        <message>
            <source>Sex: 1 or «%1», 2 or «%2»; 0 clears</source>
            <translation>Пол: 1 или «%1», 2 или «%2»; 0 — очистить</translation>
        </message>
        <message>
            <source>Age: type the age in years (digits)</source>
            <translation>Возраст: введите число полных лет цифрами</translation>
        </message>
        <message>
            <source>No settlement of the district begins with «%1»</source>
            <translation>Ни один населённый пункт района не начинается на «%1»</translation>
        </message>
        <message>
            <source>Space ticks or unticks the problem</source>
            <translation>Пробел отмечает проблему или снимает отметку</translation>
        </message>
    </context>
    <context>
        <name>SurveyTab</name>
        <message>
            <source>One paper questionnaire a row. Sex: 1 or 2 (or the first letter); age in years; settlement: the first letters of its name (F2: the list); Space ticks a problem. Tab or Enter: next cell; Delete: empty the row. A problem's full title and its code in the phone survey form are in its column's tooltip.</source>
            <translation>Одна строка — одна бумажная анкета. Пол: 1 или 2 (или первая буква); возраст — полных лет; населённый пункт — первые буквы названия (F2 — список); пробел отмечает проблему. Tab или Enter — следующая ячейка; Delete — очистить строку. Полное название проблемы и её код в форме опроса на телефоне — в подсказке заголовка столбца.</translation>
        </message>
        <message>
            <source>Import survey CSV…</source>
            <translation>Импорт опроса из CSV…</translation>
        </message>
        <message>
            <source>Save rows</source>
            <translation>Сохранить строки</translation>
        </message>
        <message>
            <source>Rows not saved: %1</source>
            <translation>Несохранённых строк: %1</translation>
        </message>
        <message>
            <source>Saved: %1 respondents.</source>
            <translation>Сохранено респондентов: %1.</translation>
        </message>
        <message>
            <source>… and %1 more (see the coloured cells)</source>
            <translation>… и ещё %1 (см. выделенные ячейки)</translation>
        </message>
        <message>
            <source>Nothing was saved. Correct the coloured cells or empty the row (Delete):</source>
            <translation>Ничего не сохранено. Исправьте выделенные ячейки или очистите строку (Delete):</translation>
        </message>
        <message>
            <source>Corrected: the rows can be saved.</source>
            <translation>Исправлено: строки можно сохранить.</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <source>Imported: %1, already there: %2</source>
            <translation>Импортировано: %1, уже было: %2</translation>
        </message>
    </context>
</TS>
