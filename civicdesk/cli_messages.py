"""The command line's messages in Kazakh and Russian, and argparse's own (English)
errors matched to kk/ru by pattern. Used by ``civicdesk.cli`` only."""

from __future__ import annotations

import re

from civicdesk.domain.errors import Message

M_DEMO_SIGN_IN = Message(
    kk="Кіру: логин {login}, құпиясөз {password}",
    ru="Вход: логин {login}, пароль {password}",
)
M_DEMO = Message(
    kk="Демо дерекқор дайын: {residents} тұрғын, {consultations} кеңес, {meetings} жиналыс, "
    "{applications} грант өтінімі, {seminars} семинар, {booklets} кітапша ({seconds:.1f} с).",
    ru="Демо-база готова: жителей {residents}, консультаций {consultations}, собраний "
    "{meetings}, грантовых заявок {applications}, семинаров {seminars}, буклетов {booklets} "
    "({seconds:.1f} с).",
)
M_CHECK_OK = Message(kk="Дерекқор дұрыс.", ru="База данных в порядке.")
M_CHECK_BAD = Message(
    kk="Дерекқорда {n} мәселе табылды.", ru="В базе данных найдено проблем: {n}."
)
M_BACKUP = Message(kk="Сақтық көшірме жасалды: {path}", ru="Резервная копия создана: {path}")
M_RESTORE = Message(
    kk="Деректер қалпына келтірілді: {path} (схема {revision}). Бұрынғы дерекқор "
    "сақталды: {kept}",
    ru="Данные восстановлены: {path} (схема {revision}). Прежняя база сохранена: {kept}",
)
M_RESTORE_COUNTS = Message(
    kk="Көшірмеде: {counts}", ru="В копии: {counts}",
)
M_EXPORT = Message(
    kk="Экспорт дайын: {path} ({tables} кесте, {rows} жол).",
    ru="Экспорт готов: {path} (таблиц {tables}, строк {rows}).",
)
M_NEEDS_SETUP = Message(
    kk="Орталық әлі тіркелмеген. Алдымен бағдарламаны ашып, орталықты баптаңыз немесе "
    "демо үшін --center-name беріңіз.",
    ru="Центр ещё не настроен. Сначала откройте программу и настройте центр или для демо "
    "укажите --center-name.",
)
M_BAD_COUNT = Message(
    kk="Кеңестер саны 1-ден 1 000 000-ға дейін болуы керек.",
    ru="Число консультаций должно быть от 1 до 1 000 000.",
)
M_PRINTED = Message(kk="PDF дайын: {path} ({pages} бет).", ru="PDF готов: {path} (страниц: {pages}).")
M_ENROLLED = Message(
    kk="Бас кеңсеге қосылды: {center} ({server}).",
    ru="Подключено к головному офису: {center} ({server}).",
)
M_NO_FOLDER = Message(
    kk="«{path}» қалтасын жасау мүмкін емес.", ru="Невозможно создать папку «{path}»."
)
M_REPORT = Message(kk="Есеп дайын: {path} ({n}).", ru="Отчёт готов: {path} ({n}).")
M_SYNC = Message(
    kk="Жіберілді: {pushed}, алынды: {pulled}, жаңа қайшылықтар: {new}.",
    ru="Отправлено: {pushed}, получено: {pulled}, новых конфликтов: {new}.",
)
M_CONFLICTS_WAIT = Message(
    kk="Адамның шешімін күтетін қайшылықтар: {n}. Оларды «Синхрондау» бетінде шешіңіз.",
    ru="Конфликтов ждут решения человека: {n}. Решите их на странице «Синхронизация».",
)
M_ROWS_WAIT = Message(
    kk="Қолданылмай күтіп тұрған жолдар: {n} (себептері «Синхрондау» бетінде; әр раундта қайта қолданылады).",
    ru="Строк ждут применения: {n} (причины на странице «Синхронизация»; повтор в каждом раунде).",
)
M_BAD_CODE = Message(
    kk="Қосылу коды 4-тен 64 таңбаға дейін болуы керек және басқару таңбаларынсыз; "
    "бас кеңсе берген кодты қайта теріңіз.",
    ru="Код подключения должен быть от 4 до 64 символов без управляющих символов; "
    "введите код из головного офиса ещё раз.",
)
M_OUT_IS_FOLDER = Message(
    kk="«{path}» — қалта, файл емес. Файл атын көрсетіңіз.",
    ru="«{path}» — это папка, а не файл. Укажите имя файла.",
)
M_CANNOT_WRITE = Message(
    kk="«{path}» файлына жазу мүмкін болмады (қате коды {errcode}). Ештеңе өзгертілген жоқ.",
    ru="Не удалось записать «{path}» (код ошибки {errcode}). Ничего не изменено.",
)
M_USAGE = Message(
    kk="Команда қате берілді: {detail}. Анықтама: civicdesk --help",
    ru="Команда задана неверно: {detail}. Справка: civicdesk --help",
)
M_BUG = Message(
    kk="Бағдарламада қате болды. Мәліметтер журналда: {log}",
    ru="В программе произошла ошибка. Подробности в журнале: {log}",
)


#: argparse's own messages (English) -> kk/ru, by pattern.
_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], Message]] = [
    (re.compile(r"the following arguments are required: (?P<a>.+)"),
     Message(kk="міндетті параметрлер жоқ: {a}", ru="не указаны обязательные параметры: {a}")),
    (re.compile(r"argument (?P<a>\S+): invalid choice: (?P<v>'[^']*')"
                r"(?: \(choose from (?P<c>.+)\))?"),
     Message(kk="{a} параметрінің мәні {v} жарамайды (болатындары: {c})",
             ru="недопустимое значение {v} параметра {a} (возможные: {c})")),
    (re.compile(r"argument (?P<a>\S+): invalid (?P<t>\w+) value: (?P<v>.+)"),
     Message(kk="{a} параметрінің мәні {v} жарамайды", ru="недопустимое значение {v} "
             "параметра {a}")),
    (re.compile(r"argument (?P<a>\S+): expected one argument"),
     Message(kk="{a} параметріне мән керек", ru="параметру {a} нужно значение")),
    (re.compile(r"unrecognized arguments: (?P<a>.+)"),
     Message(kk="белгісіз параметрлер: {a}", ru="неизвестные параметры: {a}")),
]
