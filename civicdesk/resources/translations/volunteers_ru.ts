<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AidTab</name>
    <message>
        <source>Record the aid action</source>
        <translation>Записать акцию помощи</translation>
    </message>
    <message>
        <source>tonne, bag, m³…</source>
        <translation>тонна, мешок, м³…</translation>
    </message>
    <message>
        <source>What was given:</source>
        <translation>Что передано:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Форма:</translation>
    </message>
    <message>
        <source>Amount or value, ₸:</source>
        <translation>Сумма или стоимость, ₸:</translation>
    </message>
    <message>
        <source>Quantity in kind:</source>
        <translation>Количество в натуре:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Единица:</translation>
    </message>
    <message>
        <source>Households helped:</source>
        <translation>Семей получили помощь:</translation>
    </message>
    <message>
        <source>Services that took part:</source>
        <translation>Участвовавшие службы:</translation>
    </message>
    <message>
        <source>New aid action</source>
        <translation>Новая акция помощи</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <source>Correcting «%1».</source>
        <translation>Исправляется «%1».</translation>
    </message>
    <message>
        <source>Delete the aid action</source>
        <translation>Удаление акции помощи</translation>
    </message>
    <message>
        <source>Delete the aid action «%1»?</source>
        <translation>Удалить акцию помощи «%1»?</translation>
    </message>
</context>
<context>
    <name>AssignmentsTab</name>
    <message>
        <source>Record the work</source>
        <translation>Записать работу</translation>
    </message>
    <message>
        <source>Search by volunteer&apos;s name…</source>
        <translation>Поиск по ФИО волонтёра…</translation>
    </message>
    <message>
        <source>e.g. 2,5</source>
        <translation>например 2,5</translation>
    </message>
    <message>
        <source>Volunteer:</source>
        <translation>Волонтёр:</translation>
    </message>
    <message>
        <source>Work:</source>
        <translation>Работа:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Часы:</translation>
    </message>
    <message>
        <source>Aid action:</source>
        <translation>Акция помощи:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Примечание:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <source>Choose a volunteer with valid consent.</source>
        <translation>Выберите волонтёра с действующим согласием.</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Новая запись</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Организация:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Кампания:</translation>
    </message>
    <message>
        <source>Seminar:</source>
        <translation>Семинар:</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <source>Correcting the work of %1 on %2.</source>
        <translation>Исправляется работа: %1, %2.</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Удаление записи</translation>
    </message>
    <message>
        <source>Delete the work of %1 on %2 (%3 h)? The hours leave the volunteer's total and the statistics.</source>
        <translation>Удалить работу: %1, %2 (%3 ч)? Эти часы уйдут из итога волонтёра и из статистики.</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <source>Search by name, phone or skill…</source>
        <translation>Поиск по ФИО, телефону или навыку…</translation>
    </message>
    <message>
        <source>with valid consent</source>
        <translation>с действующим согласием</translation>
    </message>
    <message>
        <source>New volunteer</source>
        <translation>Новый волонтёр</translation>
    </message>
    <message>
        <source>written consent signed on</source>
        <translation>письменное согласие подписано</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Consent withdrawn today</source>
        <translation>Согласие отозвано сегодня</translation>
    </message>
    <message>
        <source>Export data…</source>
        <translation>Выгрузить данные…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>Удалить по заявлению…</translation>
    </message>
    <message>
        <source>Thank-you letter (this year)</source>
        <translation>Благодарственное письмо (за год)</translation>
    </message>
    <message>
        <source>Certificate of hours (this year)</source>
        <translation>Сертификат часов (за год)</translation>
    </message>
    <message>
        <source>For the national register…</source>
        <translation>Для национального реестра…</translation>
    </message>
    <message>
        <source>12 digits, optional</source>
        <translation>12 цифр, необязательно</translation>
    </message>
    <message>
        <source>driver, computer, languages…</source>
        <translation>водитель, компьютер, языки…</translation>
    </message>
    <message>
        <source>weekends, evenings…</source>
        <translation>выходные, вечера…</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>ИИН:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>Year of birth:</source>
        <translation>Год рождения:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>Settlement:</source>
        <translation>Населённый пункт:</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>Навыки:</translation>
    </message>
    <message>
        <source>Availability:</source>
        <translation>Когда свободен:</translation>
    </message>
    <message>
        <source>Consent:</source>
        <translation>Согласие:</translation>
    </message>
    <message>
        <source>Purposes of processing:</source>
        <translation>Цели обработки:</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <source>Volunteers: {n}</source>
        <translation>Волонтёров: {n}</translation>
    </message>
    <message>
        <source>A new volunteer: fill in the card with the person.</source>
        <translation>Новый волонтёр: заполните карточку вместе с человеком.</translation>
    </message>
    <message>
        <source>Consent withdrawn on %1: no new assignments. Hours: %2</source>
        <translation>Согласие отозвано %1: новых поручений нет. Часы: %2</translation>
    </message>
    <message>
        <source>Hours given: %1</source>
        <translation>Отработано часов: %1</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Выгрузка данных</translation>
    </message>
    <message>
        <source>Erase on request</source>
        <translation>Удаление по заявлению</translation>
    </message>
    <message>
        <source>Erase this volunteer&apos;s name, IIN, phone, skills and availability? The hours stay in the statistics without a name. This cannot be undone.</source>
        <translation>Удалить ФИО, ИИН, телефон, навыки и свободное время волонтёра? Часы останутся в статистике без имени. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <source>Thank-you letter</source>
        <translation>Благодарственное письмо</translation>
    </message>
    <message>
        <source>Certificate of volunteer hours</source>
        <translation>Сертификат волонтёрских часов</translation>
    </message>
    <message>
        <source>For the national register</source>
        <translation>Для национального реестра</translation>
    </message>
    <message>
        <source>Written for the national register: {n}</source>
        <translation>Записано для национального реестра: {n}</translation>
    </message>
</context>
<context>
    <name>VolunteerWork</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Волонтёр</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Для чего</translation>
    </message>
    <message>
        <source>Aid</source>
        <translation>Помощь</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Объём</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Семьи</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Волонтёры</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Службы</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <source>withdrawn %1</source>
        <translation>%1 отозвано</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Нас. пункт</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Навыки</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Свободен</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часы</translation>
    </message>
    <message>
        <source>Consent given on %1</source>
        <translation>Согласие дано %1</translation>
    </message>
    <message>
        <source>Consent given on %1, withdrawn on %2</source>
        <translation>Согласие дано %1, отозвано %2</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Поручения</translation>
    </message>
    <message>
        <source>Aid actions</source>
        <translation>Акции помощи</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
</context>
<context>
    <name>OrgsModel</name>
    <message>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Контакт</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Поручения</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Потребности</translation>
    </message>
</context>
<context>
    <name>OrgsTab</name>
    <message>
        <source>Search by name or need…</source>
        <translation>Поиск по названию или потребности…</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Новая организация</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>e.g. +7 701 123 45 67</source>
        <translation>например +7 701 123 45 67</translation>
    </message>
    <message>
        <source>what help they ask for</source>
        <translation>какая помощь нужна</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Settlement:</source>
        <translation>Населённый пункт:</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>Контактное лицо:</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>Контактный телефон:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Потребности:</translation>
    </message>
    <message>
        <source>all kinds</source>
        <translation>все виды</translation>
    </message>
    <message>
        <source>Organisations: {n}</source>
        <translation>Организаций: {n}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— не указано —</translation>
    </message>
    <message>
        <source>A new organisation that asks for volunteers.</source>
        <translation>Новая организация, которой нужны волонтёры.</translation>
    </message>
    <message>
        <source>Assignments that name it: {n}</source>
        <translation>Поручений для этой организации: {n}</translation>
    </message>
    <message>
        <source>Delete the organisation</source>
        <translation>Удаление организации</translation>
    </message>
    <message>
        <source>Delete «%1» from the list of organisations?</source>
        <translation>Удалить «%1» из списка организаций?</translation>
    </message>
</context>
</TS>
