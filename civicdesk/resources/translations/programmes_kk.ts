<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>ProgrammesPage</name>
    <message>
        <source>Region (KATO)</source>
        <translation>Облыс (КАТО)</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Тоқсан</translation>
    </message>
    <message>
        <source>all</source>
        <translation>барлығы</translation>
    </message>
    <message>
        <source>e.g. 2025Q3</source>
        <translation>мысалы, 2025Q3</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Басып шығару</translation>
    </message>
    <message>
        <source>Save XLSX…</source>
        <translation>XLSX сақтау…</translation>
    </message>
    <message>
        <source>Head office: programmes and targets</source>
        <translation>Бас кеңсе: бағдарламалар мен мақсаттар</translation>
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
        <source>Regions (KATO), e.g. 19, 33</source>
        <translation>Облыстар (КАТО), мысалы 19, 33</translation>
    </message>
    <message>
        <source>Create programme</source>
        <translation>Бағдарлама құру</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>Мақсат қосу</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Көрсеткіш</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Облыс</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Мақсат</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Нақты</translation>
    </message>
    <message>
        <source>Done, %</source>
        <translation>Орындалуы, %</translation>
    </message>
    <message>
        <source>Head office has not set any programme yet</source>
        <translation>Бас кеңсе әлі бағдарлама белгілемеген</translation>
    </message>
    <message>
        <source>Records behind the actual</source>
        <translation>Нақты мәннің жазбалары</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Adds</source>
        <translation>Қосады</translation>
    </message>
    <message>
        <source>Target and actual</source>
        <translation>Мақсат пен нақты</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
</context>
</TS>
