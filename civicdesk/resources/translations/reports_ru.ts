<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
<context>
    <name>DrillDialog</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Житель</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Консультант</translation>
    </message>
    <message>
        <source>Consultations behind the number</source>
        <translation>Консультации, из которых сложился показатель</translation>
    </message>
    <message>
        <source>Consultations: %1</source>
        <translation>Консультаций: %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Диапазон дат</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>%1 квартал</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Январь</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Февраль</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Март</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Апрель</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Май</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Июнь</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Июль</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Август</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Сентябрь</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Октябрь</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Ноябрь</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Декабрь</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Идёт подсчёт…</translation>
    </message>
    <message>
        <source>All centers</source>
        <translation>Все центры</translation>
    </message>
    <message>
        <source>Click to see the consultations</source>
        <translation>Нажмите, чтобы увидеть консультации</translation>
    </message>
    <message>
        <source>Overdue follow-ups, %1</source>
        <translation>Просроченные повторные контакты, %1</translation>
    </message>
    <message>
        <source>All consultations, %1</source>
        <translation>Все консультации, %1</translation>
    </message>
    <message>
        <source>Consultations by topic</source>
        <translation>Консультации по темам</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультации</translation>
    </message>
    <message>
        <source>Consultations by channel</source>
        <translation>Консультации по каналам обращения</translation>
    </message>
    <message>
        <source>Double-click to see the consultations</source>
        <translation>Дважды щёлкните, чтобы увидеть консультации</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Сохранение отчёта</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Запись %1…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Экспорт PDF…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Экспорт XLSX…</translation>
    </message>
    <message>
        <source>The quarterly report in Kazakh and Russian</source>
        <translation>Квартальный отчёт на казахском и русском языках</translation>
    </message>
    <message>
        <source>Every table on its own sheet</source>
        <translation>Каждая таблица на отдельном листе</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Центр</translation>
    </message>
</context>
</TS>
