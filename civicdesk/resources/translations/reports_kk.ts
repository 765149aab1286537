<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>DrillDialog</name>
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
        <source>Channel</source>
        <translation>Арна</translation>
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
        <source>Consultations behind the number</source>
        <translation>Көрсеткіштің артындағы кеңестер</translation>
    </message>
    <message>
        <source>Consultations: %1</source>
        <translation>Кеңестер: %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Quarter</source>
        <translation>Тоқсан</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Жыл</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ай</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күндер аралығы</translation>
    </message>
    <message>
        <source>Quarter %1</source>
        <translation>%1 тоқсан</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Қаңтар</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Ақпан</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Наурыз</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Сәуір</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Мамыр</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Маусым</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Шілде</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Тамыз</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Қыркүйек</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Қазан</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Қараша</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Желтоқсан</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Есептелуде…</translation>
    </message>
    <message>
        <source>All centers</source>
        <translation>Барлық орталықтар</translation>
    </message>
    <message>
        <source>Click to see the consultations</source>
        <translation>Кеңестер тізімін көру үшін басыңыз</translation>
    </message>
    <message>
        <source>Overdue follow-ups, %1</source>
        <translation>Мерзімі өткен қайта байланыстар, %1</translation>
    </message>
    <message>
        <source>All consultations, %1</source>
        <translation>Барлық кеңестер, %1</translation>
    </message>
    <message>
        <source>Consultations by topic</source>
        <translation>Тақырыптар бойынша кеңестер</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Кеңестер</translation>
    </message>
    <message>
        <source>Consultations by channel</source>
        <translation>Байланыс арналары бойынша кеңестер</translation>
    </message>
    <message>
        <source>Double-click to see the consultations</source>
        <translation>Кеңестер тізімін көру үшін екі рет басыңыз</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Есеп</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel кітаптары (*.xlsx)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Есепті сақтау</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 жазылуда…</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF экспорты…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>XLSX экспорты…</translation>
    </message>
    <message>
        <source>The quarterly report in Kazakh and Russian</source>
        <translation>Тоқсандық есеп қазақ және орыс тілдерінде</translation>
    </message>
    <message>
        <source>Every table on its own sheet</source>
        <translation>Әр кесте жеке парақта</translation>
    </message>
    <message>
        <source>Center</source>
        <translation>Орталық</translation>
    </message>
</context>
</TS>
