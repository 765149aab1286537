<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
<context>
    <name>ProgrammesPage</name>
    <message>
        <source>Region (KATO)</source>
        <translation>Область (КАТО)</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Квартал</translation>
    </message>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>e.g. 2025Q3</source>
        <translation>например, 2025Q3</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Save XLSX…</source>
        <translation>Сохранить XLSX…</translation>
    </message>
    <message>
        <source>Head office: programmes and targets</source>
        <translation>Головной офис: программы и цели</translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation>Название (на казахском)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (на русском)</translation>
    </message>
    <message>
        <source>Regions (KATO), e.g. 19, 33</source>
        <translation>Области (КАТО), например 19, 33</translation>
    </message>
    <message>
        <source>Create programme</source>
        <translation>Создать программу</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>Добавить цель</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Факт</translation>
    </message>
    <message>
        <source>Done, %</source>
        <translation>Выполнение, %</translation>
    </message>
    <message>
        <source>Head office has not set any programme yet</source>
        <translation>Головной офис ещё не задал ни одной программы</translation>
    </message>
    <message>
        <source>Records behind the actual</source>
        <translation>Записи, из которых сложился факт</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Adds</source>
        <translation>Добавляет</translation>
    </message>
    <message>
        <source>Target and actual</source>
        <translation>Цель и факт</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
</context>
</TS>
