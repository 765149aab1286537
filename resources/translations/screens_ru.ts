<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
<context>
    <name>MeetingsPage</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
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
        <source>fit</source>
        <translation>по ширине</translation>
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
</TS>
