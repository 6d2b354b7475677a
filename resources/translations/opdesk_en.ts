<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit recorded: {name}. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the visit of {name} at {time}? It leaves today&apos;s list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visit undone: {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to HQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: HQ not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Changes to send: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>opdesk · opcafè front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opdesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>opdesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Name, codice fiscale or phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who is here?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a few letters of the name. Ctrl+N: new person · F2: anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found. Press Enter to register a new person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to check in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <source>The database cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not an opdesk database. It has been left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer opdesk. Update opdesk to open it; the file has been left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database failed its integrity check. It has been left untouched; restore a backup or call for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy in another opdesk window. Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Today&apos;s visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo selected visit (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s visits: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayVisitsModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <source>&amp;Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record visit (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody&apos;s name is recorded: only the topics.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <source>same codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name and same birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>similar name and same birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These people are merged in a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was already saved ({ident}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number. Write it with its prefix, e.g. 333 123 4567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk has no site yet: choose one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. The details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields need attention: {fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what} with id {ident}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this: {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else changed these fields meanwhile: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change &apos;{name}&apos; cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which privacy notice was shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A minor&apos;s consent is given by their parent or guardian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a linked parent or guardian can consent for somebody else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This consent was already withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site needs a name and a comune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This username is empty or already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be their own guardian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is a minor: choose the parent or guardian first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person was already merged into another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be merged with themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not merged into anybody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be linked to themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown topic: {topics}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A codice fiscale has 16 letters and digits, like RSSMRA85T10A562S.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last character of this codice fiscale does not match: check for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codice fiscale says born on {date}, not the birth date given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codice fiscale does not match the sex given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codice fiscale says born in {place}, not the birth place given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write at least one name (a single name is fine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This name is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth year does not match the birth date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The birth year is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born more than {years} years ago? Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person senza fissa dimora has no residence address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date does not exist. Write it as dd/mm/yyyy, e.g. 31/01/1980.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>seen today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seen yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seen {days} days ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Housing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
