<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
    <context>
        <name>LinkProblemButton</name>
        <message>
            <source>Link to problem…</source>
            <translation>Мәселеге байланыстыру…</translation>
        </message>
    </context>
    <context>
        <name>ProblemPicker</name>
        <message>
            <source>Link to problem</source>
            <translation>Мәселеге байланыстыру</translation>
        </message>
        <message>
            <source>Double-click the problem this record raised.</source>
            <translation>Осы жазба көтерген мәселені екі рет басыңыз.</translation>
        </message>
        <message>
            <source>Search by title…</source>
            <translation>Атауы бойынша іздеу…</translation>
        </message>
    </context>
    <context>
        <name>ProblemsPage</name>
        <message>
            <source>Problem</source>
            <translation>Мәселе</translation>
        </message>
        <message>
            <source>Settlement</source>
            <translation>Елді мекен</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>Көтергендер</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Күйі</translation>
        </message>
        <message>
            <source>Search by title…</source>
            <translation>Атауы бойынша іздеу…</translation>
        </message>
        <message>
            <source>New problem</source>
            <translation>Жаңа мәселе</translation>
        </message>
        <message>
            <source>Every state</source>
            <translation>Барлық күйлер</translation>
        </message>
        <message>
            <source>Every category</source>
            <translation>Барлық санаттар</translation>
        </message>
        <message>
            <source>Overdue answers only</source>
            <translation>Тек мерзімі өткен жауаптар</translation>
        </message>
        <message>
            <source>Sort by</source>
            <translation>Сұрыптау</translation>
        </message>
        <message>
            <source>First raised</source>
            <translation>Алғаш көтерілген күні</translation>
        </message>
        <message>
            <source>How many raised it</source>
            <translation>Көтергендер саны</translation>
        </message>
        <message>
            <source>Answer due</source>
            <translation>Жауап мерзімі</translation>
        </message>
        <message>
            <source>Title (Kazakh)</source>
            <translation>Атауы (қазақша)</translation>
        </message>
        <message>
            <source>Title (Russian)</source>
            <translation>Атауы (орысша)</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Санаты</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ескертпе</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сақтау</translation>
        </message>
        <message>
            <source>Life cycle</source>
            <translation>Өмірлік циклі</translation>
        </message>
        <message>
            <source>Outgoing number of the appeal</source>
            <translation>Өтініштің шығыс нөмірі</translation>
        </message>
        <message>
            <source>Take up</source>
            <translation>Қолға алу</translation>
        </message>
        <message>
            <source>The akim's answer or the decision</source>
            <translation>Әкімнің жауабы немесе шешім</translation>
        </message>
        <message>
            <source>Answer received</source>
            <translation>Жауап алынды</translation>
        </message>
        <message>
            <source>Date of the step</source>
            <translation>Қадамның күні</translation>
        </message>
        <message>
            <source>Term extended to</source>
            <translation>Мерзімді ұзарту</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Шешілді</translation>
        </message>
        <message>
            <source>Not resolved</source>
            <translation>Шешілмеді</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>мерзімі өтті</translation>
        </message>
        <message>
            <source>due %1</source>
            <translation>мерзімі %1</translation>
        </message>
        <message>
            <source>Save the problem first, then follow it up.</source>
            <translation>Алдымен мәселені сақтаңыз, содан кейін оның барысын бақылаңыз.</translation>
        </message>
        <message>
            <source>extended to %1</source>
            <translation>%1 дейін ұзартылды</translation>
        </message>
        <message>
            <source>answer due %1</source>
            <translation>жауап мерзімі %1</translation>
        </message>
        <message>
            <source>OVERDUE</source>
            <translation>МЕРЗІМІ ӨТТІ</translation>
        </message>
    </context>
</TS>
