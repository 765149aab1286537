<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_KZ">
    <context>
        <name>BackupsModel</name>
        <message>
            <source>Applications</source>
            <translation>Заявки</translation>
        </message>
        <message>
            <source>Consultations</source>
            <translation>Консультации</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Создана</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Собрания</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Жители</translation>
        </message>
        <message>
            <source>Revision</source>
            <translation>Версия схемы</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>before restore</source>
            <translation>перед восстановлением</translation>
        </message>
        <message>
            <source>before upgrade</source>
            <translation>перед обновлением</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>ежедневная</translation>
        </message>
        <message>
            <source>damaged</source>
            <translation>повреждена</translation>
        </message>
        <message>
            <source>from a newer version</source>
            <translation>из новой версии</translation>
        </message>
        <message>
            <source>not usable</source>
            <translation>непригодна</translation>
        </message>
        <message>
            <source>good</source>
            <translation>в порядке</translation>
        </message>
        <message>
            <source>second folder</source>
            <translation>вторая папка</translation>
        </message>
    </context>
    <context>
        <name>BackupsPage</name>
        <message>
            <source>(default)</source>
            <translation>(по умолчанию)</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Сделать копию сейчас</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Создаётся копия…</translation>
        </message>
        <message>
            <source>Backup folder:</source>
            <translation>Папка копий:</translation>
        </message>
        <message>
            <source>Backup made: %1</source>
            <translation>Копия создана: %1</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Резервные копии</translation>
        </message>
        <message>
            <source>Backups found</source>
            <translation>Найденные копии</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation>Проверка копии…</translation>
        </message>
        <message>
            <source>Choose a backup</source>
            <translation>Выберите копию</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>Выберите папку</translation>
        </message>
        <message>
            <source>CivicDesk backups (*.sqlite3 *.db);;All files (*)</source>
            <translation>Копии CivicDesk (*.sqlite3 *.db);;Все файлы (*)</translation>
        </message>
        <message>
            <source>CivicDesk must reopen its data: it will close now. Please start it again.</source>
            <translation>CivicDesk должна заново открыть данные: программа сейчас закроется. Запустите её снова.</translation>
        </message>
        <message>
            <source>Create the folder on the USB stick once. When the stick is not plugged in, the backup is made only in the backup folder and you are told so.</source>
            <translation>Создайте папку на флешке один раз. Когда флешка не вставлена, копия делается только в папке копий, и программа об этом сообщает.</translation>
        </message>
        <message>
            <source>Daily backup</source>
            <translation>Ежедневная резервная копия</translation>
        </message>
        <message>
            <source>Database revision: %1</source>
            <translation>Версия схемы базы данных: %1</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>Файл: %1</translation>
        </message>
        <message>
            <source>How many to keep:</source>
            <translation>Сколько хранить:</translation>
        </message>
        <message>
            <source>Last change in it: %1</source>
            <translation>Последнее изменение в ней: %1</translation>
        </message>
        <message>
            <source>Nothing was restored.</source>
            <translation>Ничего не восстановлено.</translation>
        </message>
        <message>
            <source>Nothing was restored; the current data is unchanged.</source>
            <translation>Ничего не восстановлено; текущие данные не изменены.</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <source>Only a manager or head office can change backups or restore data; a consultant sees the list read-only.</source>
            <translation>Менять настройки копий и восстанавливать данные может только менеджер или головной офис; консультант видит список только для чтения.</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <source>Residents: %1, consultations: %2, meetings: %3, grant applications: %4</source>
            <translation>Жители: %1, консультации: %2, собрания: %3, заявки на гранты: %4</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>Restore from a file…</source>
            <translation>Восстановить из файла…</translation>
        </message>
        <message>
            <source>Restore from this backup?</source>
            <translation>Восстановить из этой копии?</translation>
        </message>
        <message>
            <source>Restore selected…</source>
            <translation>Восстановить выбранную…</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>Восстановление…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Second folder:</source>
            <translation>Вторая папка:</translation>
        </message>
        <message>
            <source>The backup settings were saved.</source>
            <translation>Настройки копирования сохранены.</translation>
        </message>
        <message>
            <source>The backup was not made.</source>
            <translation>Копия не создана.</translation>
        </message>
        <message>
            <source>The current data will be replaced by this backup. It is not lost: a copy of it is first kept in the folder %1. After the restore CivicDesk closes and must be started again.</source>
            <translation>Текущие данные будут заменены этой копией. Они не пропадут: сначала их копия сохраняется в папке %1. После восстановления CivicDesk закроется, и её нужно будет запустить снова.</translation>
        </message>
        <message>
            <source>The data was restored from %1.</source>
            <translation>Данные восстановлены из копии %1.</translation>
        </message>
        <message>
            <source>The previous data was kept as %1.</source>
            <translation>Прежние данные сохранены в файле %1.</translation>
        </message>
        <message>
            <source>for example a folder on a USB stick; empty: none</source>
            <translation>например, папка на флешке; пусто — без второй копии</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
    </context>
    <context>
        <name>CenterPage</name>
        <message>
            <source>(not listed / whole region)</source>
            <translation>(нет в списке / вся область)</translation>
        </message>
        <message>
            <source>Your center</source>
            <translation>Ваш центр</translation>
        </message>
        <message>
            <source>The name appears on printed forms in both languages.</source>
            <translation>Название печатается в документах на обоих языках.</translation>
        </message>
        <message>
            <source>Name in Kazakh:</source>
            <translation>Название на казахском:</translation>
        </message>
        <message>
            <source>Name in Russian:</source>
            <translation>Название на русском:</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Область:</translation>
        </message>
        <message>
            <source>District:</source>
            <translation>Район:</translation>
        </message>
        <message>
            <source>e.g. «Жаңа ауыл» орталығы</source>
            <translation>например: «Жаңа ауыл» орталығы</translation>
        </message>
        <message>
            <source>e.g. центр «Жана аул»</source>
            <translation>например: центр «Жана аул»</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— выберите —</translation>
        </message>
    </context>
    <context>
        <name>CenterSettlementsModel</name>
        <message>
            <source>Settlement (added by the center)</source>
            <translation>Населённый пункт (добавлен центром)</translation>
        </message>
        <message>
            <source>Center</source>
            <translation>Центр</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>Область</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Район</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Записей</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Settle the conflict</source>
            <extracomment>the entity a page listens for (UiEnv.notify_changed) by synced table fields with a fixed set of values (a status, a channel) are chosen, not typed</extracomment>
            <translation>Решение конфликта</translation>
        </message>
        <message>
            <source>Type the value to keep. It is sent to head office on the next synchronisation.</source>
            <translation>Введите значение, которое нужно сохранить. Оно уйдёт в головной офис при следующей синхронизации.</translation>
        </message>
        <message>
            <source>Mine: %1
Theirs: %2</source>
            <translation>Моё значение: %1
Значение на сервере: %2</translation>
        </message>
        <message>
            <source>Keep this value</source>
            <translation>Сохранить это значение</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>ConsultationDialog</name>
        <message>
            <source>Unsaved changes</source>
            <extracomment>residents registered from this form (through the picker)</extracomment>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>Close the form without saving the changes?</source>
            <translation>Закрыть форму без сохранения изменений?</translation>
        </message>
        <message>
            <source>New consultation</source>
            <translation>Новая консультация</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>Консультация</translation>
        </message>
        <message>
            <source>Date and time:</source>
            <translation>Дата и время:</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Способ:</translation>
        </message>
        <message>
            <source>Main topic:</source>
            <translation>Основная тема:</translation>
        </message>
        <message>
            <source>Other topics:</source>
            <translation>Другие темы:</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>Вопрос:</translation>
        </message>
        <message>
            <source>Advice given:</source>
            <translation>Разъяснение:</translation>
        </message>
        <message>
            <source>Resident:</source>
            <translation>Житель:</translation>
        </message>
        <message>
            <source>Settlement:</source>
            <translation>Населённый пункт:</translation>
        </message>
        <message>
            <source>Legal acts:</source>
            <translation>Нормативные правовые акты:</translation>
        </message>
        <message>
            <source>Referred to:</source>
            <translation>Направлен в:</translation>
        </message>
        <message>
            <source>Follow-up:</source>
            <translation>Повторный контакт:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Статус:</translation>
        </message>
        <message>
            <source>Language of the consultation:</source>
            <translation>Язык консультации:</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <source>anonymous</source>
            <translation>анонимно</translation>
        </message>
        <message>
            <source>needed by</source>
            <translation>нужен до:</translation>
        </message>
        <message>
            <source>e.g. Law on local government, art. 39-3</source>
            <translation>например: Закон о местном государственном управлении, ст. 39-3</translation>
        </message>
        <message>
            <source>e.g. rural district akim's office</source>
            <translation>например: аппарат акима сельского округа</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— выберите —</translation>
        </message>
        <message>
            <source>— not set —</source>
            <translation>— не указано —</translation>
        </message>
    </context>
    <context>
        <name>ConsultationsModel</name>
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
            <source>Question</source>
            <translation>Вопрос</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Способ</translation>
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
            <source>Follow-up</source>
            <translation>Повторный контакт</translation>
        </message>
    </context>
    <context>
        <name>ConsultationsPage</name>
        <message>
            <source>All topics</source>
            <extracomment>(id, name) of the resident whose consultations are shown, if any</extracomment>
            <translation>Все темы</translation>
        </message>
        <message>
            <source>All settlements</source>
            <translation>Все населённые пункты</translation>
        </message>
        <message>
            <source>All consultants</source>
            <translation>Все консультанты</translation>
        </message>
        <message>
            <source>(no resident)</source>
            <translation>(житель не указан)</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Просрочено</translation>
        </message>
        <message>
            <source>Nothing due this week.</source>
            <translation>На этой неделе повторных контактов нет.</translation>
        </message>
        <message>
            <source>Consultations found: %1</source>
            <translation>Найдено консультаций: %1</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>Поиск: %1</translation>
        </message>
        <message>
            <source>New consultation</source>
            <translation>Новая консультация</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>За всё время</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Последние 7 дней</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Этот месяц</translation>
        </message>
        <message>
            <source>This quarter</source>
            <translation>Этот квартал</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>Этот год</translation>
        </message>
        <message>
            <source>Custom range…</source>
            <translation>Свой период…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <source>To</source>
            <translation>По</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message>
            <source>All channels</source>
            <translation>Все способы</translation>
        </message>
        <message>
            <source>Follow-ups due</source>
            <translation>Повторные контакты</translation>
        </message>
        <message>
            <source>Resident: %1 ✕</source>
            <translation>Житель: %1 ✕</translation>
        </message>
        <message>
            <source>Show the consultations of everybody</source>
            <translation>Показать консультации всех жителей</translation>
        </message>
        <message>
            <source>Search by name, IIN or phone ending, village, question or advice…</source>
            <translation>Поиск по ФИО, последним цифрам ИИН или телефона, населённому пункту, вопросу или совету…</translation>
        </message>
        <message>
            <source>Search by name, question or advice (Kazakh or Russian)…</source>
            <translation>Поиск по ФИО, вопросу или ответу (на казахском или русском)…</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Unexpected error</source>
            <translation>Непредвиденная ошибка</translation>
        </message>
        <message>
            <source>Something went wrong inside CivicDesk. Your saved work is safe. The details were written to the log file; please send it to head office.</source>
            <translation>В программе CivicDesk произошёл сбой. Сохранённые данные не пострадали. Подробности записаны в файл журнала; отправьте его в головной офис.</translation>
        </message>
    </context>
    <context>
        <name>DailyBackup</name>
        <message>
            <source>Backup</source>
            <extracomment>``1``: print "ready" and exit 0 once the first window a user can act in is shown (the start-up benchmark measures the time to that point).</extracomment>
            <translation>Резервная копия</translation>
        </message>
        <message>
            <source>Today's backup is saved: %1</source>
            <translation>Сегодняшняя резервная копия сохранена: %1</translation>
        </message>
        <message>
            <source>Today's backup was not made.</source>
            <translation>Сегодняшняя резервная копия не создана.</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesPanel</name>
        <message>
            <source>This person may already be registered. Choose them, or register a new resident if it is someone else.</source>
            <translation>Возможно, этот человек уже записан. Выберите его или запишите нового жителя, если это другой человек.</translation>
        </message>
        <message>
            <source>Choose this resident</source>
            <translation>Выбрать этого жителя</translation>
        </message>
        <message>
            <source>It is another person: register</source>
            <translation>Это другой человек: записать</translation>
        </message>
        <message>
            <source>IIN %1</source>
            <translation>ИИН %1</translation>
        </message>
        <message>
            <source>born %1</source>
            <translation>год рождения %1</translation>
        </message>
        <message>
            <source>consultations: %1</source>
            <translation>консультаций: %1</translation>
        </message>
    </context>
    <context>
        <name>EraseQuestion</name>
        <message>
            <source>Erase personal data</source>
            <translation>Удаление персональных данных</translation>
        </message>
        <message>
            <source>IIN: %1</source>
            <translation>ИИН: %1</translation>
        </message>
        <message>
            <source>Year of birth: %1</source>
            <translation>Год рождения: %1</translation>
        </message>
        <message>
            <source>Settlement: %1</source>
            <translation>Населённый пункт: %1</translation>
        </message>
        <message>
            <source>Consultations: %1</source>
            <translation>Консультаций: %1</translation>
        </message>
        <message>
            <source>Erase the personal data of %1 at their request?</source>
            <translation>Удалить персональные данные жителя %1 по его заявлению?</translation>
        </message>
        <message>
            <source>The name, IIN, phone, notes and year of birth are removed for good; anonymous statistics stay. This cannot be undone.</source>
            <translation>ФИО, ИИН, телефон, заметки и год рождения удаляются навсегда; обезличенная статистика остаётся. Отменить это нельзя.</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>FirstStartWizard</name>
        <message>
            <source>CivicDesk: first start</source>
            <translation>CivicDesk: первый запуск</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Пароли не совпадают.</translation>
        </message>
        <message>
            <source>Please correct the center's details on the previous page.</source>
            <translation>Исправьте данные центра на предыдущей странице.</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>In person</source>
            <translation>Лично</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Онлайн</translation>
        </message>
        <message>
            <source>Outreach visit</source>
            <translation>Выездная встреча</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыта</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Повторный контакт</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Закрыта</translation>
        </message>
        <message>
            <source>Consultant</source>
            <translation>Консультант</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>Менеджер</translation>
        </message>
        <message>
            <source>Head office</source>
            <translation>Головной офис</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Мужской</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Женский</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Да</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Нет</translation>
        </message>
    </context>
    <context>
        <name>LanguagePage</name>
        <message>
            <source>Welcome to CivicDesk</source>
            <translation>Добро пожаловать в CivicDesk</translation>
        </message>
        <message>
            <source>This computer has no center yet. Choose the language of the program; you can change it later at any time.</source>
            <translation>На этом компьютере ещё нет центра. Выберите язык программы; его можно сменить позже в любой момент.</translation>
        </message>
    </context>
    <context>
        <name>ListHabits</name>
        <message>
            <source>Export to Excel</source>
            <extracomment>the buttons that stand for an action when a page has no method of that name</extracomment>
            <translation>Экспорт в Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Книги Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Search: %1</source>
            <translation>Поиск: %1</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>where the last export was saved (the main window remembers it per user) called with the written file once an export is done</extracomment>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>Создать…</translation>
        </message>
        <message>
            <source>Copy row</source>
            <translation>Копировать строку</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>Экспорт в Excel…</translation>
        </message>
        <message>
            <source>Print the list…</source>
            <translation>Печать списка…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Сохранено: %1</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>CivicDesk: sign in</source>
            <extracomment>the user picked a language on this screen (it then wins over their last one)</extracomment>
            <translation>CivicDesk: вход</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Язык:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Пароль:</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Войти</translation>
        </message>
        <message>
            <source>Exit</source>
            <translation>Выход</translation>
        </message>
        <message>
            <source>Demo database: login %1, password %2</source>
            <translation>Демо-база: логин %1, пароль %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Consultations</source>
            <extracomment>what pages reload when a sync round brought changes from head office the user asked to sign out (to let another user sign in on this PC)</extracomment>
            <translation>Консультации</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Жители</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Сходы и собрания</translation>
        </message>
        <message>
            <source>Grants</source>
            <translation>Гранты</translation>
        </message>
        <message>
            <source>Seminars</source>
            <translation>Семинары</translation>
        </message>
        <message>
            <source>Booklets and forms</source>
            <translation>Буклеты и бланки</translation>
        </message>
        <message>
            <source>Campaigns</source>
            <translation>Кампании</translation>
        </message>
        <message>
            <source>Programmes</source>
            <translation>Программы</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Отчёты</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Синхронизация</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Резервные копии</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>Пользователи</translation>
        </message>
        <message>
            <source>Settlements to merge</source>
            <translation>Объединение населённых пунктов</translation>
        </message>
        <message>
            <source>last sync: %1</source>
            <translation>последняя синхронизация: %1</translation>
        </message>
        <message>
            <source>never synchronised</source>
            <translation>ещё не синхронизировано</translation>
        </message>
        <message>
            <source>not set up</source>
            <translation>не настроена</translation>
        </message>
        <message>
            <source>online</source>
            <translation>в сети</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>не в сети</translation>
        </message>
        <message>
            <source>not checked yet</source>
            <translation>ещё не проверено</translation>
        </message>
        <message>
            <source>Sync: %1, %2, changes to send: %3</source>
            <translation>Синхронизация: %1, %2, изменений к отправке: %3</translation>
        </message>
        <message>
            <source>CivicDesk</source>
            <translation>CivicDesk</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Язык:</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>Сменить пользователя</translation>
        </message>
        <message>
            <source>Sign out so that another user can sign in on this computer</source>
            <translation>Выйти, чтобы на этом компьютере мог войти другой пользователь</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>Some changes are not saved. Close CivicDesk anyway?</source>
            <translation>Некоторые изменения не сохранены. Всё равно закрыть CivicDesk?</translation>
        </message>
        <message>
            <source>Volunteers</source>
            <translation>Волонтёры</translation>
        </message>
        <message>
            <source>Needs assessment</source>
            <translation>Оценка нужд</translation>
        </message>
        <message>
            <source>Problems register</source>
            <translation>Реестр проблем</translation>
        </message>
    </context>
    <context>
        <name>ManagerPage</name>
        <message>
            <source>The first manager</source>
            <translation>Первый менеджер</translation>
        </message>
        <message>
            <source>The manager signs in first and then adds the consultants' accounts. The password must have at least 8 characters.</source>
            <translation>Сначала входит менеджер, затем он добавляет учётные записи консультантов. Пароль — не менее 8 символов.</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>ФИО:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Пароль:</translation>
        </message>
        <message>
            <source>Password again:</source>
            <translation>Повторите пароль:</translation>
        </message>
        <message>
            <source>Latin letters, digits, dot</source>
            <translation>латинские буквы, цифры, точка</translation>
        </message>
    </context>
    <context>
        <name>OperatorDialog</name>
        <message>
            <source>Center details for the consent form…</source>
            <extracomment>the center's details for the consent form (managers)</extracomment>
            <translation>Данные центра для формы согласия…</translation>
        </message>
        <message>
            <source>The center as the operator of personal data</source>
            <translation>Центр как оператор персональных данных</translation>
        </message>
        <message>
            <source>The residents' consent form names the center with these details (Law No. 94-V on personal data, Article 8).</source>
            <translation>Форма согласия жителей называет центр с этими данными (Закон № 94-V «О персональных данных и их защите», статья 8).</translation>
        </message>
        <message>
            <source>Center:</source>
            <translation>Центр:</translation>
        </message>
        <message>
            <source>BIN:</source>
            <translation>БИН:</translation>
        </message>
        <message>
            <source>Name in Russian, dative case:</source>
            <translation>Название на русском, дательный падеж:</translation>
        </message>
        <message>
            <source>as in: I give my consent to ...</source>
            <translation>как в «даю согласие Центру …»</translation>
        </message>
        <message>
            <source>Name in Kazakh, genitive case:</source>
            <translation>Название на казахском, родительный падеж:</translation>
        </message>
        <message>
            <source>as in: ... collecting my data</source>
            <translation>как в «… орталығының деректерімді жинауына»</translation>
        </message>
        <message>
            <source>Term of consent, years:</source>
            <translation>Срок согласия, лет:</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>The changes are not saved. Close the form anyway?</source>
            <translation>Изменения не сохранены. Всё равно закрыть форму?</translation>
        </message>
    </context>
    <context>
        <name>QMessageBox</name>
        <message>
            <source>Show Details...</source>
            <translation>Подробнее...</translation>
        </message>
        <message>
            <source>Hide Details...</source>
            <translation>Скрыть подробности...</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>ОК</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Да</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Нет</translation>
        </message>
        <message>
            <source>No to A&amp;ll</source>
            <translation>Нет для в&amp;сех</translation>
        </message>
        <message>
            <source>Don't Save</source>
            <translation>Не сохранять</translation>
        </message>
    </context>
    <context>
        <name>ResidentDialog</name>
        <message>
            <source>— not set —</source>
            <extracomment>whether this form registered a new person (not chose an existing one)</extracomment>
            <translation>— не указано —</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>Close the form without saving the changes?</source>
            <translation>Закрыть форму без сохранения изменений?</translation>
        </message>
        <message>
            <source>Register resident</source>
            <translation>Зарегистрировать жителя</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Житель</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>ФИО:</translation>
        </message>
        <message>
            <source>IIN (optional):</source>
            <translation>ИИН (необязательно):</translation>
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
            <source>Disability:</source>
            <translation>Инвалидность:</translation>
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
            <source>Notes:</source>
            <translation>Примечание:</translation>
        </message>
        <message>
            <source>12 digits; sex and year are read from it</source>
            <translation>12 цифр; пол и год рождения определяются по нему</translation>
        </message>
        <message>
            <source>has a disability</source>
            <translation>есть инвалидность</translation>
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
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>ResidentPicker</name>
        <message>
            <source>Choose a resident</source>
            <extracomment>(id, full name, settlement id) of the chosen resident the chosen resident was registered here (discarded if the consultation is not)</extracomment>
            <translation>Выбор жителя</translation>
        </message>
        <message>
            <source>Search by name, IIN or phone…</source>
            <translation>Поиск по ФИО, ИИН или телефону…</translation>
        </message>
        <message>
            <source>New resident…</source>
            <translation>Новый житель…</translation>
        </message>
        <message>
            <source>Choose</source>
            <translation>Выбрать</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>ResidentsModel</name>
        <message>
            <source>Full name</source>
            <translation>ФИО</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>Год рождения</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Населённый пункт</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Согласие</translation>
        </message>
        <message>
            <source>Consultations</source>
            <translation>Консультации</translation>
        </message>
    </context>
    <context>
        <name>ResidentsPage</name>
        <message>
            <source>Select a resident to see their consultations.</source>
            <translation>Выберите жителя, чтобы увидеть его консультации.</translation>
        </message>
        <message>
            <source>No consultations yet.</source>
            <translation>Консультаций пока нет.</translation>
        </message>
        <message>
            <source>Residents found: %1</source>
            <translation>Найдено жителей: %1</translation>
        </message>
        <message>
            <source>Save the resident's data</source>
            <translation>Сохранить данные жителя</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>Файлы JSON (*.json)</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Сохранено: %1</translation>
        </message>
        <message>
            <source>Erase personal data</source>
            <translation>Удаление персональных данных</translation>
        </message>
        <message>
            <source>The personal data were erased here; the server and head office lose them at the next sync. Consultations of this person to read (their text may still identify them): %1. Backups made before today still hold the data until the rotation removes them (the last on %2).</source>
            <translation>Персональные данные удалены здесь; сервер и головной офис удалят их при следующей синхронизации. Консультации этого человека, которые нужно прочитать (текст может всё ещё указывать на него): %1. Резервные копии, сделанные до сегодняшнего дня, хранят данные, пока ротация их не удалит (последняя — %2).</translation>
        </message>
        <message>
            <source>Search by name, IIN or phone…</source>
            <translation>Поиск по ФИО, ИИН или телефону…</translation>
        </message>
        <message>
            <source>Register resident</source>
            <translation>Зарегистрировать жителя</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>Export data…</source>
            <translation>Выгрузить данные…</translation>
        </message>
        <message>
            <source>Erase…</source>
            <translation>Удалить…</translation>
        </message>
        <message>
            <source>Consultations of the resident</source>
            <translation>Консультации жителя</translation>
        </message>
        <message>
            <source>Consultations</source>
            <translation>Консультации</translation>
        </message>
        <message>
            <source>Open every consultation of the resident in the journal</source>
            <translation>Открыть все консультации жителя в журнале</translation>
        </message>
        <message>
            <source>Erase the personal data of %1 at their request?

The name, IIN, phone, notes and year of birth are removed for good; anonymous statistics stay. This cannot be undone.</source>
            <translation>Удалить персональные данные жителя %1 по его заявлению?

ФИО, ИИН, телефон, примечания и год рождения будут удалены безвозвратно; обезличенная статистика сохранится. Это действие нельзя отменить.</translation>
        </message>
    </context>
    <context>
        <name>SettlementMergePage</name>
        <message>
            <source>(choose the official settlement)</source>
            <translation>(выберите официальный населённый пункт)</translation>
        </message>
        <message>
            <source>Merge «%1» (center: %2, records: %3) into the official settlement «%4»?

The center's entry is retired and its records move to «%4» at the center's next synchronisation. This cannot be undone.</source>
            <translation>Объединить «%1» (центр: %2, записей: %3) с официальным населённым пунктом «%4»?

Запись центра закрывается, а его записи перейдут к «%4» при следующей синхронизации центра. Это действие нельзя отменить.</translation>
        </message>
        <message>
            <source>Merge settlements</source>
            <translation>Объединение населённых пунктов</translation>
        </message>
        <message>
            <source>«%1» merged into «%2».</source>
            <translation>«%1» объединён с «%2».</translation>
        </message>
        <message>
            <source>Settlements the centers added themselves (without a KATO code). Pick the official settlement each one is and merge them: the center's records move to the official settlement.</source>
            <translation>Населённые пункты, которые центры добавили сами (без кода КАТО). Выберите, какой это официальный населённый пункт, и объедините: записи центра перейдут к официальному населённому пункту.</translation>
        </message>
        <message>
            <source>Official settlement:</source>
            <translation>Официальный населённый пункт:</translation>
        </message>
        <message>
            <source>Merge…</source>
            <translation>Объединить…</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Enter the server address and the code from head office.</source>
            <translation>Введите адрес сервера и код из головного офиса.</translation>
        </message>
        <message>
            <source>«%1» is not a server address. Type it as head office gave it, for example https://civicdesk.example.kz</source>
            <translation>«%1» — не адрес сервера. Введите его так, как дал головной офис, например: https://civicdesk.example.kz</translation>
        </message>
        <message>
            <source>The code is too short or has wrong characters: it has %1 characters, the code from head office has 16 (for example ABCD-EFGH-JKLM-NPQR). Check it and type it again.</source>
            <translation>Код слишком короткий или содержит неверные символы: в нём %1 симв., а в коде от головного офиса их 16 (например, ABCD-EFGH-JKLM-NPQR). Проверьте и введите снова.</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>Консультация</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>Житель</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Собрание</translation>
        </message>
        <message>
            <source>Grant application</source>
            <translation>Заявка на грант</translation>
        </message>
        <message>
            <source>Grant report</source>
            <translation>Отчёт по гранту</translation>
        </message>
        <message>
            <source>Seminar</source>
            <translation>Семинар</translation>
        </message>
        <message>
            <source>Booklet</source>
            <translation>Буклет</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Выполнено</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Не удалось</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Выполняется</translation>
        </message>
        <message>
            <source>pushed %1, pulled %2, conflicts %3</source>
            <translation>отправлено %1, получено %2, конфликтов %3</translation>
        </message>
        <message>
            <source>This computer is not enrolled yet. Sync starts after enrolment.</source>
            <translation>Этот компьютер ещё не зарегистрирован. Синхронизация начнётся после регистрации.</translation>
        </message>
        <message>
            <source> (head office)</source>
            <translation> (головной офис)</translation>
        </message>
        <message>
            <source>Enrolled: %1%2
This computer: %3</source>
            <translation>Зарегистрирован центр: %1%2
Этот компьютер: %3</translation>
        </message>
        <message>
            <source>Head office: not set up</source>
            <translation>Связь с головным офисом не настроена</translation>
        </message>
        <message>
            <source>Head office: online</source>
            <translation>Связь с головным офисом есть</translation>
        </message>
        <message>
            <source>Head office: offline</source>
            <translation>Нет связи с головным офисом</translation>
        </message>
        <message>
            <source>Head office: not checked yet</source>
            <translation>Связь с головным офисом ещё не проверена</translation>
        </message>
        <message>
            <source>Last sync: %1</source>
            <translation>Последняя синхронизация: %1</translation>
        </message>
        <message>
            <source>Last sync: never</source>
            <translation>Последняя синхронизация: ещё не было</translation>
        </message>
        <message>
            <source>Result: %1</source>
            <translation>Результат: %1</translation>
        </message>
        <message>
            <source>Changes waiting to be sent: %1</source>
            <translation>Изменений ждут отправки: %1</translation>
        </message>
        <message>
            <source>Received rows waiting to be applied: %1</source>
            <translation>Полученные строки ждут применения: %1</translation>
        </message>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <source>Conflicts (%1)</source>
            <translation>Конфликты (%1)</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Конфликты</translation>
        </message>
        <message>
            <source>Head office server</source>
            <translation>Сервер головного офиса</translation>
        </message>
        <message>
            <source>Server address:</source>
            <translation>Адрес сервера:</translation>
        </message>
        <message>
            <source>One-time code:</source>
            <translation>Одноразовый код:</translation>
        </message>
        <message>
            <source>code from head office</source>
            <translation>код из головного офиса</translation>
        </message>
        <message>
            <source>Enrol this computer</source>
            <translation>Зарегистрировать компьютер</translation>
        </message>
        <message>
            <source>Head office gives a one-time code for your center. Enrol once on each computer.</source>
            <translation>Головной офис выдаёт одноразовый код для вашего центра. Каждый компьютер регистрируется один раз.</translation>
        </message>
        <message>
            <source>Synchronisation</source>
            <translation>Синхронизация</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Синхронизировать</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Sync automatically every</source>
            <translation>Синхронизировать автоматически каждые</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>never</source>
            <translation>выключено</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Отправлено</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Получено</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Ошибки</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Сообщение</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Поле</translation>
        </message>
        <message>
            <source>My value</source>
            <translation>Моё значение</translation>
        </message>
        <message>
            <source>Their value</source>
            <translation>Значение на сервере</translation>
        </message>
        <message>
            <source>The same field was changed here and elsewhere. The other value is in the record now; choose which one to keep.</source>
            <translation>Одно и то же поле изменили здесь и в другом месте. Сейчас в записи значение с сервера; выберите, какое оставить.</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>Оставить моё</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>Оставить с сервера</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Вопрос</translation>
        </message>
        <message>
            <source>Advice given</source>
            <translation>Разъяснение</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Канал обращения</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>Повторный контакт</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Название</translation>
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
            <source>Beneficiaries</source>
            <translation>Благополучатели</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Решение</translation>
        </message>
        <message>
            <source>Refused by the server (%1)</source>
            <translation>Отклонены сервером (%1)</translation>
        </message>
        <message>
            <source>Refused by the server</source>
            <translation>Отклонены сервером</translation>
        </message>
        <message>
            <source>Audit entry</source>
            <translation>Запись журнала аудита</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Пользователь</translation>
        </message>
        <message>
            <source>Attachment</source>
            <translation>Вложение</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>CivicDesk</source>
            <extracomment>the code of the services' refusal of an actor whose account changed since sign-in (number of tasks not yet delivered) - for busy indicators called instead of ``on_error`` for :data:`SIGNED_OUT_CODE` (set by the session)</extracomment>
            <translation>CivicDesk</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>New account</source>
            <translation>Новая учётная запись</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Учётная запись</translation>
        </message>
        <message>
            <source>Full name:</source>
            <translation>ФИО:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Роль:</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Статус:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Язык:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Пароль:</translation>
        </message>
        <message>
            <source>New password:</source>
            <translation>Новый пароль:</translation>
        </message>
        <message>
            <source>Password again:</source>
            <translation>Повторите пароль:</translation>
        </message>
        <message>
            <source>leave empty to keep the password</source>
            <translation>оставьте пустым, чтобы не менять пароль</translation>
        </message>
        <message>
            <source>active</source>
            <translation>активна</translation>
        </message>
        <message>
            <source>deactivated</source>
            <translation>отключена</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>Пароли не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>UsersModel</name>
        <message>
            <source>Full name</source>
            <translation>ФИО</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Логин</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Роль</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Активна</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>Последний вход</translation>
        </message>
    </context>
    <context>
        <name>UsersPage</name>
        <message>
            <source>Add account</source>
            <translation>Добавить учётную запись</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Изменить</translation>
        </message>
    </context>
    <context>
        <name>widget</name>
        <message>
            <source>IIN %1</source>
            <translation>ИИН %1</translation>
        </message>
        <message>
            <source>born %1</source>
            <translation>год рождения %1</translation>
        </message>
        <message>
            <source>consultations: %1</source>
            <translation>консультаций: %1</translation>
        </message>
    </context>
    <context>
        <name>RefusedTable</name>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Идентификатор</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
    </context>
    <context>
        <name>QuorumDialog</name>
        <message>
            <source>the center's setting since %1</source>
            <translation>настройка центра с %1</translation>
        </message>
        <message>
            <source>default, not set by the center</source>
            <translation>по умолчанию, центр не настраивал</translation>
        </message>
        <message>
            <source>Quorum and decision thresholds</source>
            <translation>Пороги кворума и решения</translation>
        </message>
        <message>
            <source>No law fixes these figures for the whole country: Article 39-3 of Law No. 148-II leaves them to the regulations your district maslikhat adopted. Enter them as those regulations say, with the date they take effect: meetings held before that date keep the rule they were judged by.</source>
            <translation>Эти пороги не установлены законом для всей страны: статья 39-3 Закона «О местном государственном управлении и самоуправлении в Республике Казахстан» относит их к регламенту, утверждённому маслихатом вашего района. Введите их по этому регламенту с датой вступления в силу: собрания, проведённые до этой даты, оцениваются по прежнему правилу.</translation>
        </message>
        <message>
            <source>In force today:</source>
            <translation>Действует сегодня:</translation>
        </message>
        <message>
            <source>Kind of meeting:</source>
            <translation>Вид собрания:</translation>
        </message>
        <message>
            <source>Takes effect on:</source>
            <translation>Действует с:</translation>
        </message>
        <message>
            <source>Quorum:</source>
            <translation>Кворум:</translation>
        </message>
        <message>
            <source>Decision adopted by:</source>
            <translation>Решение принимается:</translation>
        </message>
        <message>
            <source>more than</source>
            <translation>более</translation>
        </message>
        <message>
            <source>at least</source>
            <translation>не менее</translation>
        </message>
        <message>
            <source>of the members</source>
            <translation>членов</translation>
        </message>
        <message>
            <source>of those present</source>
            <translation>присутствующих</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>The changes are not saved. Close the form anyway?</source>
            <translation>Изменения не сохранены. Всё равно закрыть форму?</translation>
        </message>
        <message>
            <source>Quorum and decision thresholds…</source>
            <translation>Пороги кворума и решения…</translation>
        </message>
    </context>
</TS>
