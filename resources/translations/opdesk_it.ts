<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Anonymous visit</source>
        <translation>Visita anonima</translation>
    </message>
    <message>
        <source>Visit recorded: {name}. Ctrl+Z undoes it.</source>
        <translation>Visita registrata: {name}. Ctrl+Z per annullarla.</translation>
    </message>
    <message>
        <source>Undo visit</source>
        <translation>Annulla visita</translation>
    </message>
    <message>
        <source>Undo the visit of {name} at {time}? It leaves today&apos;s list.</source>
        <translation>Annullare la visita di {name} delle {time}? Sparirà dalle visite di oggi.</translation>
    </message>
    <message>
        <source>Visit undone: {name}.</source>
        <translation>Visita annullata: {name}.</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Site</source>
        <translation>Sede</translation>
    </message>
    <message>
        <source>Connection to HQ</source>
        <translation>Collegamento con la sede centrale</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Modifiche in attesa</translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation>Sede: {name}</translation>
    </message>
    <message>
        <source>No site chosen</source>
        <translation>Nessuna sede scelta</translation>
    </message>
    <message>
        <source>Offline: HQ not configured</source>
        <translation>Non in linea: sede centrale non configurata</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>In linea</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Non in linea</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Ultima sincronizzazione: {when}</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Ultima sincronizzazione: mai</translation>
    </message>
    <message numerus="yes">
        <source>Changes to send: %n</source>
        <translation>
            <numerusform>Modifiche da inviare: %n</numerusform>
            <numerusform>Modifiche da inviare: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>opdesk · opcafè front desk</source>
        <translation>opdesk · accoglienza opcafè</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Apertura del database…</translation>
    </message>
    <message>
        <source>opdesk cannot start</source>
        <translation>opdesk non può partire</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>opdesk</source>
        <translation>opdesk</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Name, codice fiscale or phone…</source>
        <translation>Nome, codice fiscale o telefono…</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Cerca persone</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Risultati della ricerca</translation>
    </message>
    <message>
        <source>&amp;Who is here?</source>
        <translation>&amp;Chi è arrivato?</translation>
    </message>
    <message>
        <source>Type a few letters of the name. Ctrl+N: new person · F2: anonymous visit</source>
        <translation>Scrivi qualche lettera del nome. Ctrl+N: nuova persona · F2: visita anonima</translation>
    </message>
    <message>
        <source>Nobody found. Press Enter to register a new person.</source>
        <translation>Nessun risultato. Premi Invio per registrare una nuova persona.</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to check in.</source>
        <translation>↑↓ per scegliere, Invio per registrare la visita.</translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <source>The database cannot be used.</source>
        <translation>Il database non si può usare.</translation>
    </message>
    <message>
        <source>The file is not an opdesk database. It has been left untouched.</source>
        <translation>Il file non è un database di opdesk. Non è stato toccato.</translation>
    </message>
    <message>
        <source>The database was written by a newer opdesk. Update opdesk to open it; the file has been left untouched.</source>
        <translation>Il database è stato scritto da una versione più recente di opdesk. Aggiorna opdesk per aprirlo; il file non è stato toccato.</translation>
    </message>
    <message>
        <source>The database failed its integrity check. It has been left untouched; restore a backup or call for help.</source>
        <translation>Il database non ha superato il controllo di integrità. Non è stato toccato: ripristina una copia di sicurezza o chiedi aiuto.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>Il disco è pieno: non è stato salvato nulla. Libera un po&apos; di spazio e riprova.</translation>
    </message>
    <message>
        <source>The database is busy in another opdesk window. Close it and try again.</source>
        <translation>Il database è in uso in un&apos;altra finestra di opdesk. Chiudila e riprova.</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Today&apos;s visits</source>
        <translation>Visite di oggi</translation>
    </message>
    <message>
        <source>Undo selected visit (Ctrl+Z)</source>
        <translation>Annulla la visita selezionata (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s visits: %n</source>
        <translation>
            <numerusform>Visite di oggi: %n</numerusform>
            <numerusform>Visite di oggi: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayVisitsModel</name>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation>Visita anonima</translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <source>&amp;Note (optional)</source>
        <translation>&amp;Nota (facoltativa)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Record visit (Ctrl+Enter)</source>
        <translation>Registra visita (Ctrl+Invio)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Indietro (Esc)</translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation>Visita anonima</translation>
    </message>
    <message>
        <source>Nobody&apos;s name is recorded: only the topics.</source>
        <translation>Non si registra nessun nome: solo i temi.</translation>
    </message>
</context>
<context>
    <name>duplicates</name>
    <message>
        <source>same codice fiscale</source>
        <translation>stesso codice fiscale</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>stesso numero di telefono</translation>
    </message>
    <message>
        <source>similar name and same birth date</source>
        <translation>nome simile e stessa data di nascita</translation>
    </message>
    <message>
        <source>similar name and same birth year</source>
        <translation>nome simile e stesso anno di nascita</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>stesso nome</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>person</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>These people are merged in a loop.</source>
        <translation>Queste persone risultano unite tra loro in un cerchio.</translation>
    </message>
    <message>
        <source>This record was already saved ({ident}).</source>
        <translation>Questo dato era già stato salvato ({ident}).</translation>
    </message>
    <message>
        <source>This is not a valid phone number. Write it with its prefix, e.g. 333 123 4567.</source>
        <translation>Questo non è un numero di telefono valido. Scrivilo con il prefisso, ad es. 333 123 4567.</translation>
    </message>
    <message>
        <source>This desk has no site yet: choose one first.</source>
        <translation>Questa postazione non ha ancora una sede: sceglila prima.</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. The details are in the log file.</source>
        <translation>Qualcosa è andato storto e non è stato salvato nulla. I dettagli sono nel file di log.</translation>
    </message>
    <message>
        <source>Some fields need attention: {fields}</source>
        <translation>Alcuni campi vanno controllati: {fields}</translation>
    </message>
    <message>
        <source>No {what} with id {ident}.</source>
        <translation>Nessun elemento ({what}) con codice {ident}.</translation>
    </message>
    <message>
        <source>You are not allowed to do this: {action}.</source>
        <translation>Non hai il permesso di farlo: {action}.</translation>
    </message>
    <message>
        <source>Somebody else changed these fields meanwhile: {fields}.</source>
        <translation>Nel frattempo qualcun altro ha cambiato questi campi: {fields}.</translation>
    </message>
    <message>
        <source>The change &apos;{name}&apos; cannot be read: {detail}</source>
        <translation>La modifica &apos;{name}&apos; non si può leggere: {detail}</translation>
    </message>
    <message>
        <source>Say which privacy notice was shown.</source>
        <translation>Indica quale informativa è stata mostrata.</translation>
    </message>
    <message>
        <source>A minor&apos;s consent is given by their parent or guardian.</source>
        <translation>Per un minore il consenso lo dà il genitore o il tutore.</translation>
    </message>
    <message>
        <source>Only a linked parent or guardian can consent for somebody else.</source>
        <translation>Solo un genitore o tutore collegato può dare il consenso per un&apos;altra persona.</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consenso</translation>
    </message>
    <message>
        <source>This consent was already withdrawn.</source>
        <translation>Questo consenso era già stato revocato.</translation>
    </message>
    <message>
        <source>A site needs a name and a comune.</source>
        <translation>Una sede ha bisogno di un nome e di un comune.</translation>
    </message>
    <message>
        <source>This username is empty or already taken.</source>
        <translation>Questo nome utente è vuoto o già in uso.</translation>
    </message>
    <message>
        <source>site</source>
        <translation>sede</translation>
    </message>
    <message>
        <source>A person cannot be their own guardian.</source>
        <translation>Una persona non può essere tutore di sé stessa.</translation>
    </message>
    <message>
        <source>This person is a minor: choose the parent or guardian first.</source>
        <translation>Questa persona è minorenne: scegli prima il genitore o il tutore.</translation>
    </message>
    <message>
        <source>This person was already merged into another.</source>
        <translation>Questa persona è già stata unita a un&apos;altra.</translation>
    </message>
    <message>
        <source>A person cannot be merged with themselves.</source>
        <translation>Una persona non si può unire con sé stessa.</translation>
    </message>
    <message>
        <source>This person is not merged into anybody.</source>
        <translation>Questa persona non è unita a nessuno.</translation>
    </message>
    <message>
        <source>A person cannot be linked to themselves.</source>
        <translation>Una persona non si può collegare a sé stessa.</translation>
    </message>
    <message>
        <source>Unknown topic: {topics}.</source>
        <translation>Tema sconosciuto: {topics}.</translation>
    </message>
    <message>
        <source>The note is too long (at most {max} characters).</source>
        <translation>La nota è troppo lunga (al massimo {max} caratteri).</translation>
    </message>
    <message>
        <source>This visit does not exist.</source>
        <translation>Questa visita non esiste.</translation>
    </message>
    <message>
        <source>This visit was already undone.</source>
        <translation>Questa visita era già stata annullata.</translation>
    </message>
    <message>
        <source>A codice fiscale has 16 letters and digits, like RSSMRA85T10A562S.</source>
        <translation>Il codice fiscale ha 16 lettere e cifre, come RSSMRA85T10A562S.</translation>
    </message>
    <message>
        <source>The last character of this codice fiscale does not match: check for a typo.</source>
        <translation>L&apos;ultimo carattere di questo codice fiscale non torna: controlla se c&apos;è un errore di battitura.</translation>
    </message>
    <message>
        <source>The codice fiscale says born on {date}, not the birth date given.</source>
        <translation>Il codice fiscale indica nato/a il {date}, non la data di nascita scritta.</translation>
    </message>
    <message>
        <source>The codice fiscale does not match the sex given.</source>
        <translation>Il codice fiscale non corrisponde al sesso indicato.</translation>
    </message>
    <message>
        <source>The codice fiscale says born in {place}, not the birth place given.</source>
        <translation>Il codice fiscale indica nato/a a {place}, non il luogo di nascita scritto.</translation>
    </message>
    <message>
        <source>Write at least one name (a single name is fine).</source>
        <translation>Scrivi almeno un nome (va bene anche uno solo).</translation>
    </message>
    <message>
        <source>This name is too long (at most {max} characters).</source>
        <translation>Questo nome è troppo lungo (al massimo {max} caratteri).</translation>
    </message>
    <message>
        <source>The birth year does not match the birth date.</source>
        <translation>L&apos;anno di nascita non corrisponde alla data di nascita.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>La data di nascita è nel futuro.</translation>
    </message>
    <message>
        <source>The birth year is in the future.</source>
        <translation>L&apos;anno di nascita è nel futuro.</translation>
    </message>
    <message>
        <source>Born more than {years} years ago? Check the year.</source>
        <translation>Nato/a più di {years} anni fa? Controlla l&apos;anno.</translation>
    </message>
    <message>
        <source>A person senza fissa dimora has no residence address.</source>
        <translation>Una persona senza fissa dimora non ha indirizzo di residenza.</translation>
    </message>
    <message>
        <source>This date does not exist. Write it as dd/mm/yyyy, e.g. 31/01/1980.</source>
        <translation>Questa data non esiste. Scrivila come gg/mm/aaaa, ad es. 31/01/1980.</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>seen today</source>
        <translation>visto/a oggi</translation>
    </message>
    <message>
        <source>seen yesterday</source>
        <translation>visto/a ieri</translation>
    </message>
    <message>
        <source>seen {days} days ago</source>
        <translation>visto/a {days} giorni fa</translation>
    </message>
</context>
<context>
    <name>topics</name>
    <message>
        <source>Housing</source>
        <translation>Casa</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Lavoro</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famiglia</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Risparmio</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
</context>
</TS>
