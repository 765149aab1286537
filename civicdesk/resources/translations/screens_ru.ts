<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
<context>
    <name>BeneficiaryGrid</name>
    <message>
        <source>women</source>
        <translation>женщин</translation>
    </message>
    <message>
        <source>men</source>
        <translation>мужчин</translation>
    </message>
    <message>
        <source>under 18</source>
        <translation>до 18</translation>
    </message>
    <message>
        <source>18–29</source>
        <translation>18–29</translation>
    </message>
    <message>
        <source>30–44</source>
        <translation>30–44</translation>
    </message>
    <message>
        <source>45–59</source>
        <translation>45–59</translation>
    </message>
    <message>
        <source>60 and over</source>
        <translation>60 и старше</translation>
    </message>
    <message>
        <source>youth (14–35)</source>
        <translation>молодёжь (14–35)</translation>
    </message>
    <message>
        <source>with a disability</source>
        <translation>с инвалидностью</translation>
    </message>
    <message>
        <source>How many of the beneficiaries: by sex and by age group each add up to at most the total; youth and disability are counted within them. — : not stated</source>
        <translation>Сколько из благополучателей: по полу и по возрастным группам в сумме не больше общего числа; молодёжь и люди с инвалидностью считаются среди них. — : не указано</translation>
    </message>
</context>
<context>
    <name>BookletsPage</name>
    <message>
        <source>Remove this block</source>
        <translation>Убрать этот блок</translation>
    </message>
    <message>
        <source>Add a paragraph</source>
        <translation>Добавить абзац</translation>
    </message>
    <message>
        <source>Remove this section</source>
        <translation>Убрать этот раздел</translation>
    </message>
    <message>
        <source>Section heading in Kazakh</source>
        <translation>Заголовок раздела на казахском</translation>
    </message>
    <message>
        <source>Section heading in Russian</source>
        <translation>Заголовок раздела на русском</translation>
    </message>
    <message>
        <source>Booklet</source>
        <translation>Буклет</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Напечатано</translation>
    </message>
    <message>
        <source>A5 booklet (folded A4, stapled)</source>
        <translation>Брошюра A5 (A4 сгибается и сшивается скобой)</translation>
    </message>
    <message>
        <source>A4 tri-fold</source>
        <translation>Евробуклет A4</translation>
    </message>
    <message>
        <source>A4 handout</source>
        <translation>Листовка A4</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Абзац</translation>
    </message>
    <message>
        <source>List: one item a line, the same number of lines on both sides</source>
        <translation>Список: по пункту в строке, число строк с обеих сторон одинаковое</translation>
    </message>
    <message>
        <source>Lines to fill in by hand: label</source>
        <translation>Строки для заполнения от руки: подпись</translation>
    </message>
    <message>
        <source>Highlighted note</source>
        <translation>Выделенная заметка</translation>
    </message>
    <message>
        <source>Picture (not edited here)</source>
        <translation>Рисунок (здесь не редактируется)</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>Создать по шаблону</translation>
    </message>
    <message>
        <source>New empty</source>
        <translation>Новый пустой</translation>
    </message>
    <message>
        <source>Blank forms</source>
        <translation>Пустые бланки</translation>
    </message>
    <message>
        <source>Consent to personal data processing</source>
        <translation>Согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Лист регистрации</translation>
    </message>
    <message>
        <source>Grant application</source>
        <translation>Заявка на грант</translation>
    </message>
    <message>
        <source>Text in two languages</source>
        <translation>Текст на двух языках</translation>
    </message>
    <message>
        <source>Layout and printing</source>
        <translation>Формат и печать</translation>
    </message>
    <message>
        <source>Print runs and distribution</source>
        <translation>Тираж и распространение</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>На казахском</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>На русском</translation>
    </message>
    <message>
        <source>Title in Kazakh</source>
        <translation>Название на казахском</translation>
    </message>
    <message>
        <source>Title in Russian</source>
        <translation>Название на русском</translation>
    </message>
    <message>
        <source>Subtitle in Kazakh</source>
        <translation>Подзаголовок на казахском</translation>
    </message>
    <message>
        <source>Subtitle in Russian</source>
        <translation>Подзаголовок на русском</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Добавить раздел</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Two languages</source>
        <translation>Расположение языков</translation>
    </message>
    <message>
        <source>3 mm bleed for a print shop</source>
        <translation>Вылеты под обрез 3 мм для типографии</translation>
    </message>
    <message>
        <source>Crop marks</source>
        <translation>Метки реза</translation>
    </message>
    <message>
        <source>Print run on the back page</source>
        <translation>Тираж на последней странице</translation>
    </message>
    <message>
        <source>do not print</source>
        <translation>не печатать</translation>
    </message>
    <message>
        <source>An A5 booklet is printed two pages per A4 sheet on both sides, folded and stapled; the pages are padded to a multiple of four. Ask the print shop whether they want bleed and crop marks.</source>
        <translation>Брошюра A5 печатается по две страницы на лист A4 с обеих сторон, сгибается и сшивается; число страниц дополняется до кратного четырём. Уточните в типографии, нужны ли вылеты и метки реза.</translation>
    </message>
    <message>
        <source>Record a print run</source>
        <translation>Записать тираж</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Экземпляров</translation>
    </message>
    <message>
        <source>Printed on</source>
        <translation>Дата печати</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Hand out copies in a settlement</source>
        <translation>Раздача в населённом пункте</translation>
    </message>
    <message>
        <source>From the run</source>
        <translation>Из тиража</translation>
    </message>
    <message>
        <source>side by side: Kazakh left, Russian right</source>
        <translation>рядом: слева казахский, справа русский</translation>
    </message>
    <message>
        <source>one after the other: Kazakh first</source>
        <translation>друг за другом: сначала казахский</translation>
    </message>
    <message>
        <source>at the center (no settlement)</source>
        <translation>в центре (без населённого пункта)</translation>
    </message>
    <message>
        <source>New booklet</source>
        <translation>Новый буклет</translation>
    </message>
    <message>
        <source>%1: %2 copies, handed out %3, left %4</source>
        <translation>%1: %2 экз., роздано %3, осталось %4</translation>
    </message>
    <message>
        <source>Printed %1, handed out %2</source>
        <translation>Напечатано %1, роздано %2</translation>
    </message>
    <message>
        <source>A list has a different number of lines in Kazakh and in Russian: each item needs both.</source>
        <translation>В списке разное число строк на казахском и русском: у каждого пункта должны быть оба текста.</translation>
    </message>
    <message>
        <source>These pictures print below 200 ppi and may look blurred: %1. Use a larger picture or print it smaller.</source>
        <translation>Эти рисунки печатаются с разрешением ниже 200 ppi и могут выглядеть размытыми: %1. Возьмите рисунок крупнее или напечатайте его меньше.</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>New competition</source>
        <extracomment>an amount or quantity that could not be read (row, column, what was typed)</extracomment>
        <translation>Новый конкурс</translation>
    </message>
    <message>
        <source>Title in Kazakh</source>
        <translation>Название на казахском</translation>
    </message>
    <message>
        <source>Title in Russian</source>
        <translation>Название на русском</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>Pool, ₸</source>
        <translation>Фонд, ₸</translation>
    </message>
    <message>
        <source>Applications from</source>
        <translation>Приём заявок с</translation>
    </message>
    <message>
        <source>Applications until</source>
        <translation>Приём заявок по</translation>
    </message>
    <message>
        <source>the whole pool</source>
        <translation>весь фонд</translation>
    </message>
    <message>
        <source>Most one application may ask, ₸</source>
        <translation>Предел суммы одной заявки, ₸</translation>
    </message>
    <message>
        <source>Reviews needed for approval</source>
        <translation>Оценок нужно для одобрения</translation>
    </message>
</context>
<context>
    <name>GrantsPage</name>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Присуждение гранта</translation>
    </message>
    <message>
        <source>Pay and taxes</source>
        <translation>Оплата труда и налоги</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>Командировочные расходы</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Аренда</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Materials and equipment</source>
        <translation>Материалы и оборудование</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Издательские расходы</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Административные расходы</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Статья</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Наименование расхода</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед. изм.</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Co-financing</source>
        <translation>Софинансирование</translation>
    </message>
    <message>
        <source>Competition</source>
        <translation>Конкурс</translation>
    </message>
    <message>
        <source>Blank application form</source>
        <translation>Пустой бланк заявки</translation>
    </message>
    <message>
        <source>New competition</source>
        <translation>Новый конкурс</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все состояния</translation>
    </message>
    <message>
        <source>Search by project or applicant…</source>
        <translation>Поиск по проекту или заявителю…</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>Новая заявка</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <source>Status and award</source>
        <translation>Состояние и грант</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Экспертиза</translation>
    </message>
    <message>
        <source>Indicators and reports</source>
        <translation>Показатели и отчёты</translation>
    </message>
    <message>
        <source>Print application</source>
        <translation>Печать заявки</translation>
    </message>
    <message>
        <source>Applicant is</source>
        <translation>Тип заявителя</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Руководитель</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Project title</source>
        <translation>Название проекта</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Цель</translation>
    </message>
    <message>
        <source>Activities (one a line)</source>
        <translation>Мероприятия (по одному в строке)</translation>
    </message>
    <message>
        <source>Target group</source>
        <translation>Целевая группа</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Число благополучателей</translation>
    </message>
    <message>
        <source>Of them</source>
        <translation>Из них</translation>
    </message>
    <message>
        <source>Project dates</source>
        <translation>Сроки проекта</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Убрать строку</translation>
    </message>
    <message>
        <source>Save budget</source>
        <translation>Сохранить бюджет</translation>
    </message>
    <message>
        <source>Move the application to</source>
        <translation>Перевести заявку в состояние</translation>
    </message>
    <message>
        <source>Return to the applicant for changes</source>
        <translation>Вернуть заявителю на доработку</translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation>Сумма, ₸</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Дата решения</translation>
    </message>
    <message>
        <source>Award the grant</source>
        <translation>Присудить грант</translation>
    </message>
    <message>
        <source>New review</source>
        <translation>Новая экспертиза</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <source>I have a conflict of interest with this applicant (I do not score)</source>
        <translation>У меня конфликт интересов с этим заявителем (не оцениваю)</translation>
    </message>
    <message>
        <source>What the conflict is</source>
        <translation>В чём конфликт</translation>
    </message>
    <message>
        <source>Scores by criteria</source>
        <translation>Оценки по критериям</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Сохранить экспертизу</translation>
    </message>
    <message>
        <source>Indicators: baseline, target, actual</source>
        <translation>Показатели: исходный, целевой, фактический</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>ед.</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>исходный</translation>
    </message>
    <message>
        <source>target</source>
        <translation>целевой</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>факт</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>interim</source>
        <translation>промежуточный</translation>
    </message>
    <message>
        <source>final</source>
        <translation>итоговый</translation>
    </message>
    <message>
        <source>spent, ₸</source>
        <translation>потрачено, ₸</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Что сделано</translation>
    </message>
    <message>
        <source>Add report</source>
        <translation>Добавить отчёт</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Подана</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>На рассмотрении</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрена</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Реализуется</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Отчёт сдан</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>an initiative group</source>
        <translation>инициативная группа</translation>
    </message>
    <message>
        <source>an NGO (with a BIN)</source>
        <translation>НПО (с БИН)</translation>
    </message>
    <message>
        <source>Awarded %1 of %2, left %3</source>
        <translation>Выделено %1 из %2, остаток %3</translation>
    </message>
    <message>
        <source>%1 (weight %2 %, 0–%3)</source>
        <translation>%1 (вес %2 %, 0–%3)</translation>
    </message>
    <message>
        <source>A reviewer with a conflict of interest does not score.</source>
        <translation>Эксперт с конфликтом интересов не выставляет оценок.</translation>
    </message>
    <message>
        <source>Weighted score: %1</source>
        <translation>Взвешенный балл: %1</translation>
    </message>
    <message>
        <source>Awarded: %1 (%2)</source>
        <translation>Выделено: %1 (%2)</translation>
    </message>
    <message>
        <source>Left in the pool: %1</source>
        <translation>Остаток фонда: %1</translation>
    </message>
    <message>
        <source>%1: conflict of interest declared, did not score</source>
        <translation>%1: заявил о конфликте интересов, не оценивал</translation>
    </message>
    <message>
        <source>%1: weighted score %2</source>
        <translation>%1: взвешенный балл %2</translation>
    </message>
    <message>
        <source>Average score: %1</source>
        <translation>Средний балл: %1</translation>
    </message>
    <message>
        <source>Total %1, co-financing %2 (%3 %), requested %4</source>
        <translation>Итого %1, софинансирование %2 (%3 %), запрошено %4</translation>
    </message>
    <message>
        <source>Numbers only, e.g. 40 or 12.5</source>
        <translation>Только числа, например 40 или 12,5</translation>
    </message>
    <message>
        <source>Grant application</source>
        <translation>Заявка на грант</translation>
    </message>
    <message>
        <source>Print review sheet</source>
        <translation>Печать оценочного листа</translation>
    </message>
    <message>
        <source>The selected review filled in, or a blank sheet when no review is selected</source>
        <translation>Печатается выбранная в списке оценка, а если ничего не выбрано — пустой лист</translation>
    </message>
    <message>
        <source>Review sheet</source>
        <translation>Оценочный лист</translation>
    </message>
    <message>
        <source>Line %1: «%2» is not a number. Type digits only, e.g. 15 000 or 12,5.</source>
        <translation>Строка %1: «%2» — не число. Введите только цифры, например 15 000 или 12,5.</translation>
    </message>
    <message>
        <source>Reviews without a conflict of interest: %1 of the %2 needed for approval</source>
        <translation>Оценок без конфликта интересов: %1 из %2, нужных для одобрения</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
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
        <source>Present</source>
        <translation>Присутствовал</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Собрание</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Search by number, place, chair…</source>
        <translation>Поиск по номеру, месту, председателю…</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Новое собрание</translation>
    </message>
    <message>
        <source>Print minutes</source>
        <translation>Печать протокола</translation>
    </message>
    <message>
        <source>Print attendance sheet</source>
        <translation>Печать листа регистрации</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Явка</translation>
    </message>
    <message>
        <source>Agenda and votes</source>
        <translation>Повестка и голосование</translation>
    </message>
    <message>
        <source>Finalize and akim</source>
        <translation>Оформление и аким</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>до</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место проведения</translation>
    </message>
    <message>
        <source>Convened by</source>
        <translation>Кем созвано</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Председатель</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Секретарь</translation>
    </message>
    <message>
        <source>Members eligible</source>
        <translation>Число членов</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Удалить черновик</translation>
    </message>
    <message>
        <source>Full name of a participant</source>
        <translation>ФИО участника</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation>Сохранить явку</translation>
    </message>
    <message>
        <source>Title of a new agenda item</source>
        <translation>Новый вопрос повестки дня</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Добавить вопрос</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Убрать вопрос</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Вопрос повестки дня</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Выступающие</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Голоса</translation>
    </message>
    <message>
        <source>for</source>
        <translation>за</translation>
    </message>
    <message>
        <source>against</source>
        <translation>против</translation>
    </message>
    <message>
        <source>abstained</source>
        <translation>воздержались</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>No vote on this item</source>
        <translation>По вопросу не голосовали</translation>
    </message>
    <message>
        <source>Save item and votes</source>
        <translation>Сохранить вопрос и голоса</translation>
    </message>
    <message>
        <source>Finalizing checks that the minutes are complete (chair, secretary, agenda, votes on every item) and locks them: after that they cannot be edited.</source>
        <translation>При оформлении проверяется полнота протокола (председатель, секретарь, повестка, голосование по каждому вопросу), и он закрепляется: после этого изменять его нельзя.</translation>
    </message>
    <message>
        <source>Finalize minutes</source>
        <translation>Оформить протокол</translation>
    </message>
    <message>
        <source>Sent to the akim on</source>
        <translation>Направлен акиму</translation>
    </message>
    <message>
        <source>Record sending</source>
        <translation>Отметить направление</translation>
    </message>
    <message>
        <source>Akim&apos;s response dated</source>
        <translation>Дата ответа акима</translation>
    </message>
    <message>
        <source>Akim&apos;s response</source>
        <translation>Ответ акима</translation>
    </message>
    <message>
        <source>Record the response</source>
        <translation>Записать ответ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Elected representative</source>
        <translation>Избранный представитель</translation>
    </message>
    <message>
        <source>member</source>
        <translation>член</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>председатель</translation>
    </message>
    <message>
        <source>secretary</source>
        <translation>секретарь</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>приглашённый</translation>
    </message>
    <message>
        <source>gathering</source>
        <translation>сход</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>собрание</translation>
    </message>
    <message>
        <source>separate gathering</source>
        <translation>раздельный сход</translation>
    </message>
    <message>
        <source>Send the minutes to the akim by %1.</source>
        <translation>Направьте протокол акиму до %1.</translation>
    </message>
    <message>
        <source>The akim should answer by %1.</source>
        <translation>Аким должен ответить до %1.</translation>
    </message>
    <message>
        <source>Delete this draft of the minutes?</source>
        <translation>Удалить этот черновик протокола?</translation>
    </message>
    <message>
        <source>Present %1 of %2, needed for a quorum: %3 — %4</source>
        <translation>Присутствуют %1 из %2, для кворума нужно: %3 — %4</translation>
    </message>
    <message>
        <source>quorum reached</source>
        <translation>кворум есть</translation>
    </message>
    <message>
        <source>no quorum</source>
        <translation>нет кворума</translation>
    </message>
    <message>
        <source>adopted</source>
        <translation>принято</translation>
    </message>
    <message>
        <source>not adopted</source>
        <translation>не принято</translation>
    </message>
    <message>
        <source>no vote</source>
        <translation>без голосования</translation>
    </message>
    <message>
        <source>vote not recorded</source>
        <translation>итоги голосования не внесены</translation>
    </message>
    <message>
        <source>(at least %1 votes for are needed)</source>
        <translation>(нужно не менее %1 голосов «за»)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Лист регистрации</translation>
    </message>
    <message>
        <source>not competent: no quorum, no decisions</source>
        <translation>неправомочно: нет кворума, решений нет</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>Нет кворума</translation>
    </message>
    <message>
        <source>No quorum: votes cannot be entered. Correct the attendance, or finalize: the meeting is then recorded as not competent, with no decisions.</source>
        <translation>Кворума нет: итоги голосования вносить нельзя. Исправьте явку или оформите протокол: тогда собрание будет записано как неправомочное, без решений.</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <source>No records</source>
        <translation>Записей нет</translation>
    </message>
    <message>
        <source>%1–%2 of %3</source>
        <translation>%1–%2 из %3</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>Предварительный просмотр</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить как PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Страниц: %1</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Не удалось запустить принтер.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Сохранить как PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>The changes have not been saved. Discard them?</source>
        <translation>Изменения не сохранены. Отменить их?</translation>
    </message>
</context>
<context>
    <name>SeminarsPage</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Семинар</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Пришёл</translation>
    </message>
    <message>
        <source>Search by title, topic, trainer…</source>
        <translation>Поиск по названию, теме, тренеру…</translation>
    </message>
    <message>
        <source>New seminar</source>
        <translation>Новый семинар</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место проведения</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населённый пункт</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Тренер</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Часов</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Серия</translation>
    </message>
    <message>
        <source>New series…</source>
        <translation>Новая серия…</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Для кого</translation>
    </message>
    <message>
        <source>residents</source>
        <translation>жители</translation>
    </message>
    <message>
        <source>local officials</source>
        <translation>местные должностные лица</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Find a resident by name…</source>
        <translation>Найти жителя по ФИО…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Add resident</source>
        <translation>Добавить жителя</translation>
    </message>
    <message>
        <source>Or type the full name of a participant</source>
        <translation>Или введите ФИО участника</translation>
    </message>
    <message>
        <source>Add by name</source>
        <translation>Добавить по ФИО</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Save attendance and scores</source>
        <translation>Сохранить явку и баллы</translation>
    </message>
    <message>
        <source>Print attendance sheet</source>
        <translation>Печать листа регистрации</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>Печать сертификатов</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Test before</source>
        <translation>Тест до</translation>
    </message>
    <message>
        <source>Test after</source>
        <translation>Тест после</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Youth (14–35)</source>
        <translation>Молодёжь (14–35)</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Инвалидность</translation>
    </message>
    <message>
        <source>Save the seminar first, then add participants.</source>
        <translation>Сначала сохраните семинар, затем добавьте участников.</translation>
    </message>
    <message>
        <source>%1, %2: registered %3, attended %4; average test score before %5, after %6, gain %7</source>
        <translation>%1, %2: записано %3, пришли %4; средний балл теста: до %5, после %6, прирост %7</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Лист регистрации</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Сертификаты</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>New seminar series</source>
        <translation>Новая серия семинаров</translation>
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
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Seminars planned</source>
        <translation>Запланировано семинаров</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
</context>
</TS>
