<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it">
<context>
    <name>BirthField</name>
    <message>
        <source>Birth date</source>
        <translation>Data di nascita</translation>
    </message>
    <message>
        <source>only the &amp;year</source>
        <translation>solo l&apos;&amp;anno</translation>
    </message>
    <message>
        <source>Only the birth year is known</source>
        <translation>Si conosce solo l&apos;anno di nascita</translation>
    </message>
    <message>
        <source>yyyy</source>
        <translation>aaaa</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>gg/mm/aaaa</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Anonymous visit</source>
        <translation>Visita anonima</translation>
    </message>
    <message>
        <source>Called: {name}.</source>
        <translation>Chiamato/a: {name}.</translation>
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
    <name>ComuneCombo</name>
    <message>
        <source>Choose or type a comune</source>
        <translation>Scegli o scrivi un comune</translation>
    </message>
</context>
<context>
    <name>ConsentsBox</name>
    <message>
        <source>Consents</source>
        <translation>Consensi</translation>
    </message>
    <message>
        <source>Show the privacy noti&amp;ce (F4)</source>
        <translation>Mostra l&apos;informati&amp;va (F4)</translation>
    </message>
    <message>
        <source>Registr&amp;ation at the opcafè (required)</source>
        <translation>Registrazione all&apos;opcafè (o&amp;bbligatoria)</translation>
    </message>
    <message>
        <source>Findab&amp;le at the other opcafè of the Rhodense</source>
        <translation>Ritrovabile negli altri opcafè del R&amp;hodense</translation>
    </message>
    <message>
        <source>Contact by phone for re&amp;minders and follow-up</source>
        <translation>C&amp;ontattabile per telefono (promemoria e notizie)</translation>
    </message>
    <message>
        <source>Sharing with the ser&amp;vices the person is referred to</source>
        <translation>Condivisione con i servizi a cui viene inviata (solo &amp;quando serve)</translation>
    </message>
    <message>
        <source>For a minor, the consent is given by the parent or guardian chosen beside.</source>
        <translation>Per un minore, il consenso lo dà il genitore o tutore scelto qui accanto.</translation>
    </message>
    <message>
        <source>Show the notice to the person before they consent.</source>
        <translation>Mostra l&apos;informativa alla persona prima che dia il consenso.</translation>
    </message>
    <message>
        <source>Notice shown: version {version}, {language}.</source>
        <translation>Informativa mostrata: versione {version}, {language}.</translation>
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
        <source>Data received from HQ</source>
        <translation>Dati ricevuti dalla sede centrale</translation>
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
        <source>Sync stopped</source>
        <translation>Sincronizzazione ferma</translation>
    </message>
    <message>
        <source>Synced: {when}</source>
        <translation>Sincronizzato: {when}</translation>
    </message>
    <message>
        <source>Synced: never</source>
        <translation>Sincronizzato: mai</translation>
    </message>
    <message numerus="yes">
        <source>To send: %n</source>
        <translation>
            <numerusform>Da inviare: %n</numerusform>
            <numerusform>Da inviare: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes waiting to be sent to HQ</source>
        <translation>Modifiche in attesa di essere inviate alla sede centrale</translation>
    </message>
    <message>
        <source>Receiving data: {done} of {total}</source>
        <translation>Ricezione dati: {done} di {total}</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n</source>
        <translation>
            <numerusform>Problemi: %n</numerusform>
            <numerusform>Problemi: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Online</source>
        <translation>In linea</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non collegata</translation>
    </message>
    <message>
        <source>Not connected to HQ yet: Desk → Connect to HQ… takes HQ&apos;s code.</source>
        <translation>Non ancora collegata alla sede centrale: usa Postazione → Collega alla sede centrale… con il codice dato dalla sede.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Non in linea</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Born</source>
        <translation>Nascita</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sesso</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Residenza</translation>
    </message>
    <message>
        <source>Domicile</source>
        <translation>Domicilio</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Registrazione</translation>
    </message>
    <message>
        <source>not available: {reason}</source>
        <translation>non disponibile: {reason}</translation>
    </message>
    <message>
        <source>no fixed abode</source>
        <translation>senza fissa dimora</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Perhaps already registered:</source>
        <translation>Forse è già registrata:</translation>
    </message>
    <message>
        <source>Alt+1…3 uses that person instead; Alt+0 registers a new person.</source>
        <translation>Alt+1…3 sceglie quella persona; Alt+0 registra una persona nuova.</translation>
    </message>
    <message>
        <source>&amp;0  It&apos;s another person: register</source>
        <translation>&amp;0  È un&apos;altra persona, registra</translation>
    </message>
    <message>
        <source>Use {person} instead</source>
        <translation>Usa {person}</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <source>Edit: {name}</source>
        <translation>Modifica: {name}</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Connect to HQ</source>
        <translation>Collega alla sede centrale</translation>
    </message>
    <message>
        <source>HQ gives each desk a one-time code. Write HQ&apos;s address and the code: the desk then syncs by itself every few minutes.</source>
        <translation>La sede centrale dà a ogni postazione un codice da usare una volta sola. Scrivi l&apos;indirizzo della sede centrale e il codice: poi la postazione si sincronizza da sola ogni pochi minuti.</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>Indirizzo della sede centrale</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Codice di registrazione</translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation>File dell&apos;autorità di certificazione</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facoltativo</translation>
    </message>
    <message>
        <source>Only if HQ uses certificates of its own</source>
        <translation>Solo se la sede centrale usa certificati propri</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Asking HQ…</source>
        <translation>Richiesta alla sede centrale in corso…</translation>
    </message>
    <message>
        <source>HQ &amp;address</source>
        <translation>&amp;Indirizzo della sede centrale</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Codice</translation>
    </message>
    <message>
        <source>C&amp;ertificates</source>
        <translation>C&amp;ertificati</translation>
    </message>
    <message>
        <source>Write HQ&apos;s address, e.g. https://hq.example.org</source>
        <translation>Scrivi l&apos;indirizzo della sede centrale, ad es. https://hq.example.org</translation>
    </message>
    <message>
        <source>Write the code HQ gave for this desk.</source>
        <translation>Scrivi il codice che la sede centrale ha dato per questa postazione.</translation>
    </message>
</context>
<context>
    <name>GuardianBox</name>
    <message>
        <source>Under 18: parent or guardian</source>
        <translation>Minore: genitore o tutore</translation>
    </message>
    <message>
        <source>Required for a minor. The parent or guardian must already be registered: find them by name.</source>
        <translation>Obbligatorio per un minore. Il genitore o tutore deve essere già registrato: cercalo per nome.</translation>
    </message>
    <message>
        <source>Parent or g&amp;uardian</source>
        <translation>&amp;Genitore o tutore</translation>
    </message>
    <message>
        <source>Search the parent or guardian</source>
        <translation>Cerca il genitore o tutore</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambia</translation>
    </message>
    <message>
        <source>Choose another parent or guardian</source>
        <translation>Scegli un altro genitore o tutore</translation>
    </message>
    <message>
        <source>Parent or guardian: {person}</source>
        <translation>Genitore o tutore: {person}</translation>
    </message>
</context>
<context>
    <name>InformativaDialog</name>
    <message>
        <source>Privacy notice</source>
        <translation>Informativa privacy</translation>
    </message>
    <message>
        <source>Language of the notice</source>
        <translation>Lingua dell&apos;informativa</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>Version of the notice</source>
        <translation>Versione dell&apos;informativa</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>S&amp;tampa…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Salva come P&amp;DF…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Chiudi (Esc)</translation>
    </message>
    <message>
        <source>The privacy notice in this language is missing.</source>
        <translation>Manca l&apos;informativa in questa lingua.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versione {version}</translation>
    </message>
    <message>
        <source>Save the notice as PDF</source>
        <translation>Salva l&apos;informativa in PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>opdesk · opcafè front desk</source>
        <translation>opdesk · accoglienza opcafè</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sezioni</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Apertura del database…</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Postazione</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Impostazioni…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;Sincronizza ora</translation>
    </message>
    <message>
        <source>&amp;Connect to HQ…</source>
        <translation>&amp;Collega alla sede centrale…</translation>
    </message>
    <message>
        <source>C&amp;heck against HQ</source>
        <translation>Con&amp;fronta con la sede</translation>
    </message>
    <message>
        <source>Compare this desk&apos;s copy with HQ&apos;s</source>
        <translation>Confronta la copia di questa postazione con quella della sede centrale</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>The check could not be completed now: it will be tried again.</source>
        <translation>Il confronto non si è potuto completare ora: verrà ritentato.</translation>
    </message>
    <message>
        <source>This desk&apos;s copy differed from HQ&apos;s: it was downloaded again.</source>
        <translation>La copia di questa postazione era diversa da quella della sede: è stata riscaricata.</translation>
    </message>
    <message>
        <source>This desk&apos;s copy matches HQ&apos;s.</source>
        <translation>La copia di questa postazione coincide con quella della sede.</translation>
    </message>
    <message>
        <source>This desk is now connected to HQ.</source>
        <translation>La postazione ora è collegata alla sede centrale.</translation>
    </message>
    <message>
        <source>Connected to HQ: this desk now records its visits for {site}.</source>
        <translation>Collegata alla sede centrale: da ora questa postazione registra le visite per {site}.</translation>
    </message>
    <message>
        <source>the opcafè HQ enrolled it for</source>
        <translation>l&apos;opcafè indicato dalla sede centrale</translation>
    </message>
    <message>
        <source>Sync stopped: {why}</source>
        <translation>Sincronizzazione ferma: {why}</translation>
    </message>
    <message>
        <source>Sync stopped: the reason is in Sync problems (Ctrl+3).</source>
        <translation>Sincronizzazione ferma: il motivo è in Problemi di sincronizzazione (Ctrl+3).</translation>
    </message>
    <message>
        <source>Sync failed: {detail}</source>
        <translation>Sincronizzazione non riuscita: {detail}</translation>
    </message>
    <message>
        <source>Welcome desk</source>
        <translation>Accoglienza</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Persone</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>Problemi di sincronizzazione</translation>
    </message>
    <message>
        <source>opdesk cannot start</source>
        <translation>opdesk non può partire</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Type a name: results follow.
↑ ↓ and Enter: choose the person.
1-5: topics · V / O: waits for a volunteer / a counsellor.
Ctrl+Enter: record the visit · Esc: back.
F2: anonymous visit · Ctrl+N: new person.
F5: call · F6: seen · F8: gone (waiting queue).
Ctrl+Z: undo the selected visit of today.
Ctrl+, : settings · F1: this help.</source>
        <translation>Scrivi un nome: i risultati compaiono subito.
↑ ↓ e Invio: scegli la persona.
1-5: temi · V / O: attende un volontario / un operatore.
Ctrl+Invio: registra la visita · Esc: indietro.
F2: visita anonima · Ctrl+N: nuova persona.
F5: chiama · F6: visto/a · F8: andato/a via (coda di attesa).
Ctrl+Z: annulla la visita di oggi selezionata.
Ctrl+, : impostazioni · F1: questo aiuto.</translation>
    </message>
    <message>
        <source>Close opdesk?</source>
        <translation>Chiudere opdesk?</translation>
    </message>
    <message>
        <source>A visit is being written and is not recorded yet. Close anyway?</source>
        <translation>C&apos;è una visita in corso di scrittura, non ancora registrata. Chiudere lo stesso?</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two records</source>
        <translation>Unisci due schede</translation>
    </message>
    <message>
        <source>If {name} was registered twice, find the other record: its visits, consents and household links move here. The merge can be undone from the person&apos;s page.</source>
        <translation>Se {name} è stata registrata due volte, cerca l&apos;altra scheda: le sue visite, i consensi e i legami familiari passeranno qui. L&apos;unione si può annullare dalla scheda della persona.</translation>
    </message>
    <message>
        <source>&amp;Find the other record</source>
        <translation>&amp;Cerca l&apos;altra scheda</translation>
    </message>
    <message>
        <source>Search the other record</source>
        <translation>Cerca l&apos;altra scheda</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annulla (Esc)</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Unisci</translation>
    </message>
    <message>
        <source>{visits}, {consents} and {links} will move to {name}.</source>
        <translation>{visits}, {consents} e {links} passeranno a {name}.</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visita</numerusform>
            <numerusform>%n visite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n consent(s)</source>
        <translation>
            <numerusform>%n consenso</numerusform>
            <numerusform>%n consensi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household link(s)</source>
        <translation>
            <numerusform>%n legame familiare</numerusform>
            <numerusform>%n legami familiari</numerusform>
        </translation>
    </message>
    <message>
        <source>Other record: {other}</source>
        <translation>Altra scheda: {other}</translation>
    </message>
    <message>
        <source>Press Merge (Ctrl+Enter) to confirm.</source>
        <translation>Premi Unisci (Ctrl+Invio) per confermare.</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person</source>
        <translation>Nuova persona</translation>
    </message>
    <message>
        <source>This person is a minor: choose their parent or guardian.</source>
        <translation>Questa persona è minorenne: scegli il genitore o tutore.</translation>
    </message>
    <message>
        <source>Show the privacy notice and tick the consent to registration: without it the person cannot be registered.</source>
        <translation>Mostra l&apos;informativa e spunta il consenso alla registrazione: senza, la persona non si può registrare.</translation>
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
    <name>PeopleScreen</name>
    <message>
        <source>← Back to the search (Esc)</source>
        <translation>← Torna alla ricerca (Esc)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annulla (Esc)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Salva (Ctrl+Invio)</translation>
    </message>
    <message>
        <source>Some fields need attention: see the messages in red.</source>
        <translation>Alcuni campi vanno sistemati: guarda i messaggi in rosso.</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>Chiudere senza salvare?</translation>
    </message>
    <message>
        <source>What you typed will be lost.</source>
        <translation>Quello che hai scritto andrà perso.</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Chiudi senza salvare</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continua a scrivere</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>&amp;Family name</source>
        <translation>&amp;Cognome</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cognome</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>&amp;Data di nascita</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non indicato</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Sesso</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sesso</translation>
    </message>
    <message>
        <source>Birth &amp;place</source>
        <translation>&amp;Luogo di nascita</translation>
    </message>
    <message>
        <source>Birth place</source>
        <translation>Luogo di nascita</translation>
    </message>
    <message>
        <source>Ci&amp;tizenship</source>
        <translation>Ci&amp;ttadinanza</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Cittadinanza</translation>
    </message>
    <message>
        <source>C&amp;odice fiscale</source>
        <translation>Codice &amp;fiscale</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <source>&amp;No codice fiscale because</source>
        <translation>Senza codice fiscale &amp;perché</translation>
    </message>
    <message>
        <source>Why there is no codice fiscale</source>
        <translation>Perché manca il codice fiscale</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Tel&amp;efono</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>&amp;Residence: comune</source>
        <translation>&amp;Residenza: comune</translation>
    </message>
    <message>
        <source>Comune of residence</source>
        <translation>Comune di residenza</translation>
    </message>
    <message>
        <source>Residence addr&amp;ess</source>
        <translation>&amp;Indirizzo di residenza</translation>
    </message>
    <message>
        <source>Residence address</source>
        <translation>Indirizzo di residenza</translation>
    </message>
    <message>
        <source>No fi&amp;xed abode</source>
        <translation>Senza fissa di&amp;mora</translation>
    </message>
    <message>
        <source>No fixed abode</source>
        <translation>Senza fissa dimora</translation>
    </message>
    <message>
        <source>&amp;Domicile: comune</source>
        <translation>Domicilio: com&amp;une</translation>
    </message>
    <message>
        <source>Comune of domicile</source>
        <translation>Comune di domicilio</translation>
    </message>
    <message>
        <source>Domic&amp;ile address</source>
        <translation>Indiri&amp;zzo di domicilio</translation>
    </message>
    <message>
        <source>Domicile address</source>
        <translation>Indirizzo di domicilio</translation>
    </message>
    <message>
        <source>Where the person is staying now, if elsewhere.</source>
        <translation>Dove sta ora la persona, se è altrove.</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>La persona</translation>
    </message>
    <message>
        <source>Where they live</source>
        <translation>Dove vive</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <source>Record a &amp;visit</source>
        <translation>Registra &amp;visita</translation>
    </message>
    <message>
        <source>&amp;Edit (Ctrl+E)</source>
        <translation>&amp;Modifica (Ctrl+E)</translation>
    </message>
    <message>
        <source>Mer&amp;ge with another record…</source>
        <translation>&amp;Unisci con un&apos;altra scheda…</translation>
    </message>
    <message>
        <source>&amp;Open the kept record</source>
        <translation>&amp;Apri la scheda tenuta</translation>
    </message>
    <message>
        <source>Merged record to separate again</source>
        <translation>Scheda unita da separare di nuovo</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>Annulla l&apos;unio&amp;ne</translation>
    </message>
    <message>
        <source>Only this person&apos;s name, birth year and comune are here: the full record is kept at another opcafè. Record their visit: the full record arrives with the next synchronisation, and can be changed then.</source>
        <translation>Qui ci sono solo nome, anno di nascita e comune di questa persona: la scheda completa è tenuta da un altro opcafè. Registra la visita: la scheda completa arriva con la prossima sincronizzazione e da allora si può modificare.</translation>
    </message>
    <message>
        <source>This record was merged into {name}.</source>
        <translation>Questa scheda è stata unita a {name}.</translation>
    </message>
    <message numerus="yes">
        <source>Also shows %n merged record(s). A mistake? Separate them again:</source>
        <translation>
            <numerusform>Mostra anche %n scheda unita. Un errore? Separala di nuovo:</numerusform>
            <numerusform>Mostra anche %n schede unite. Un errore? Separale di nuovo:</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved: {name}.</source>
        <translation>Modifiche salvate: {name}.</translation>
    </message>
    <message>
        <source>Records merged. &quot;Undo merge&quot; on this page separates them.</source>
        <translation>Schede unite. &quot;Annulla l&apos;unione&quot; in questa pagina le separa.</translation>
    </message>
    <message>
        <source>Records separated again: {name}.</source>
        <translation>Schede separate di nuovo: {name}.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Ritira il consenso</translation>
    </message>
    <message>
        <source>Withdraw the consent &quot;{purpose}&quot;? This is recorded and cannot be undone: a new consent would be needed.</source>
        <translation>Ritirare il consenso &quot;{purpose}&quot;? Resta registrato e non si può annullare: servirebbe un nuovo consenso.</translation>
    </message>
    <message>
        <source>Consent withdrawn: {purpose}.</source>
        <translation>Consenso ritirato: {purpose}.</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>A few letters of the name…</source>
        <translation>Qualche lettera del nome…</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Persone trovate</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to pick.</source>
        <translation>↑↓ per scegliere, Invio per confermare.</translation>
    </message>
    <message>
        <source>Nobody found with these letters.</source>
        <translation>Nessuno trovato con queste lettere.</translation>
    </message>
</context>
<context>
    <name>PersonTables</name>
    <message>
        <source>Visits</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Famiglia</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consensi</translation>
    </message>
    <message>
        <source>&amp;Withdraw the selected consent</source>
        <translation>&amp;Ritira il consenso selezionato</translation>
    </message>
    <message numerus="yes">
        <source>Vi&amp;sits (%n)</source>
        <translation>
            <numerusform>Vi&amp;site (%n)</numerusform>
            <numerusform>Vi&amp;site (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Household (%n)</source>
        <translation>
            <numerusform>&amp;Famiglia (%n)</numerusform>
            <numerusform>&amp;Famiglia (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Consents (%n)</source>
        <translation>
            <numerusform>&amp;Consensi (%n)</numerusform>
            <numerusform>&amp;Consensi (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemWords</name>
    <message>
        <source>given name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>cognome</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>data di nascita</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>anno di nascita</translation>
    </message>
    <message>
        <source>birth place</source>
        <translation>luogo di nascita</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sesso</translation>
    </message>
    <message>
        <source>codice fiscale</source>
        <translation>codice fiscale</translation>
    </message>
    <message>
        <source>why there is no codice fiscale</source>
        <translation>motivo della mancanza del codice fiscale</translation>
    </message>
    <message>
        <source>citizenship</source>
        <translation>cittadinanza</translation>
    </message>
    <message>
        <source>comune of residence</source>
        <translation>comune di residenza</translation>
    </message>
    <message>
        <source>address of residence</source>
        <translation>indirizzo di residenza</translation>
    </message>
    <message>
        <source>homeless</source>
        <translation>senza dimora</translation>
    </message>
    <message>
        <source>comune of domicile</source>
        <translation>comune di domicilio</translation>
    </message>
    <message>
        <source>address of domicile</source>
        <translation>indirizzo di domicilio</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefono</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sì</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>{field} of {name}</source>
        <translation>{field} di {name}</translation>
    </message>
    <message>
        <source>registration of {name}</source>
        <translation>registrazione di {name}</translation>
    </message>
    <message>
        <source>here: {mine} · other desk: {theirs}</source>
        <translation>qui: {mine} · altra postazione: {theirs}</translation>
    </message>
    <message>
        <source>may be {other}</source>
        <translation>forse è {other}</translation>
    </message>
    <message>
        <source>Another desk changed the {field} of {name} too. This desk wrote “{mine}”, the other desk “{theirs}”. This desk&apos;s value is kept and sent to HQ, unless you restore the other one.</source>
        <translation>Anche un&apos;altra postazione ha cambiato il dato «{field}» di {name}. Questa postazione ha scritto “{mine}”, l&apos;altra “{theirs}”. Resta il valore di questa postazione, che viene inviato alla sede centrale, a meno che tu non ripristini l&apos;altro.</translation>
    </message>
    <message>
        <source>{name}, registered at this desk, may be the same person as {other}, registered at another desk ({reasons}). If so, merge the two records; if not, say so and this pair will not be raised again.</source>
        <translation>{name}, registrata a questa postazione, potrebbe essere la stessa persona di {other}, registrata a un&apos;altra postazione ({reasons}). Se è così, unisci le due schede; se no, dillo e questa coppia non verrà più segnalata.</translation>
    </message>
    <message>
        <source>HQ refused this {change}: {reason}</source>
        <translation>La sede centrale ha rifiutato questa modifica ({change}): {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waited for it and were refused with it.</source>
        <translation>
            <numerusform>%n modifica attendeva questa ed è stata rifiutata con essa.</numerusform>
            <numerusform>%n modifiche attendevano questa e sono state rifiutate con essa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>registration</source>
        <translation>registrazione</translation>
    </message>
    <message>
        <source>change of a person&apos;s details</source>
        <translation>modifica dei dati di una persona</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>undone visit</source>
        <translation>visita annullata</translation>
    </message>
    <message>
        <source>merge of two records</source>
        <translation>unione di due schede</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consenso</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Riguarda</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Cosa è successo</translation>
    </message>
    <message numerus="yes">
        <source>%n later change(s) needed it and were refused too</source>
        <translation>
            <numerusform>%n modifica successiva dipendeva da questa ed è stata rifiutata anch&apos;essa</numerusform>
            <numerusform>%n modifiche successive dipendevano da questa e sono state rifiutate anch&apos;esse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsScreen</name>
    <message>
        <source>What the last syncs with HQ left for you to decide: changes HQ refused, details another desk changed too, people who may have been registered twice. Choose a problem, read it, then choose what to do.</source>
        <translation>Quello che le ultime sincronizzazioni con la sede centrale lasciano decidere a te: modifiche rifiutate dalla sede centrale, dati cambiati anche da un&apos;altra postazione, persone forse registrate due volte. Scegli un problema, leggilo, poi scegli cosa fare.</translation>
    </message>
    <message>
        <source>Sync problems</source>
        <translation>Problemi di sincronizzazione</translation>
    </message>
    <message>
        <source>The chosen problem</source>
        <translation>Il problema scelto</translation>
    </message>
    <message>
        <source>&amp;Mark as seen</source>
        <translation>&amp;Segna come visto</translation>
    </message>
    <message>
        <source>&amp;Keep this change</source>
        <translation>&amp;Tieni questa modifica</translation>
    </message>
    <message>
        <source>&amp;Restore the other value</source>
        <translation>&amp;Ripristina l&apos;altra</translation>
    </message>
    <message>
        <source>Mer&amp;ge…</source>
        <translation>&amp;Unisci…</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>&amp;Non è la stessa persona</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Nessun problema.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>volunteer</source>
        <translation>volontario</translation>
    </message>
    <message>
        <source>counsellor</source>
        <translation>operatore</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attesa</translation>
    </message>
    <message>
        <source>Anonymous visit</source>
        <translation>Visita anonima</translation>
    </message>
    <message>
        <source>{name} (called)</source>
        <translation>{name} (chiamato/a)</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Arrived at {time}</source>
        <translation>Arrivato/a alle {time}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Waiting queue</source>
        <translation>Coda di attesa</translation>
    </message>
    <message>
        <source>Call (F5)</source>
        <translation>Chiama (F5)</translation>
    </message>
    <message>
        <source>Seen (F6)</source>
        <translation>Visto/a (F6)</translation>
    </message>
    <message>
        <source>Gone (F8)</source>
        <translation>Andato/a via (F8)</translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n</source>
        <translation>
            <numerusform>In attesa: %n</numerusform>
            <numerusform>In attesa: %n</numerusform>
        </translation>
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
        <source>↑↓ to choose, Enter to open the person&apos;s page.</source>
        <translation>↑↓ per scegliere, Invio per aprire la scheda della persona.</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to check in. F3: the person&apos;s page.</source>
        <translation>↑↓ per scegliere, Invio per registrare la visita. F3: scheda della persona.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Dimensione del testo</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>ogni minuto</numerusform>
            <numerusform>ogni %n minuti</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync with HQ</source>
        <translation>Sincronizzazione con la sede centrale</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>Alto &amp;contrasto</translation>
    </message>
    <message>
        <source>HQ address</source>
        <translation>Indirizzo della sede centrale</translation>
    </message>
    <message>
        <source>Only if HQ moved: this desk keeps its enrollment</source>
        <translation>Solo se la sede centrale ha cambiato indirizzo: la postazione resta registrata</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Dimensione del testo</translation>
    </message>
    <message>
        <source>S&amp;ync with HQ</source>
        <translation>&amp;Sincronizza con la sede centrale</translation>
    </message>
    <message>
        <source>HQ &amp;address</source>
        <translation>&amp;Indirizzo della sede centrale</translation>
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
    <name>SyncHealthWords</name>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind</source>
        <translation>
            <numerusform>L&apos;orologio di questo computer è indietro di %n minuto</numerusform>
            <numerusform>L&apos;orologio di questo computer è indietro di %n minuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead</source>
        <translation>
            <numerusform>L&apos;orologio di questo computer è avanti di %n minuto</numerusform>
            <numerusform>L&apos;orologio di questo computer è avanti di %n minuti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n hour(s) behind</source>
        <translation>
            <numerusform>L&apos;orologio di questo computer è indietro di %n ora</numerusform>
            <numerusform>L&apos;orologio di questo computer è indietro di %n ore</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n hour(s) ahead</source>
        <translation>
            <numerusform>L&apos;orologio di questo computer è avanti di %n ora</numerusform>
            <numerusform>L&apos;orologio di questo computer è avanti di %n ore</numerusform>
        </translation>
    </message>
    <message>
        <source>no answer from HQ</source>
        <translation>la sede non risponde</translation>
    </message>
    <message>
        <source>HQ cannot be reached</source>
        <translation>la sede non risponde</translation>
    </message>
    <message numerus="yes">
        <source>Sync has not worked for %n hour(s): {error}</source>
        <translation>
            <numerusform>La sincronizzazione non riesce da %n ora: {error}</numerusform>
            <numerusform>La sincronizzazione non riesce da %n ore: {error}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync has not worked for %n day(s): {error}</source>
        <translation>
            <numerusform>La sincronizzazione non riesce da %n giorno: {error}</numerusform>
            <numerusform>La sincronizzazione non riesce da %n giorni: {error}</numerusform>
        </translation>
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
        <source>Not waiting</source>
        <translation>Non attende</translation>
    </message>
    <message>
        <source>&amp;Volunteer (V)</source>
        <translation>&amp;Volontario (V)</translation>
    </message>
    <message>
        <source>C&amp;ounsellor (O)</source>
        <translation>&amp;Operatore (O)</translation>
    </message>
    <message>
        <source>Waits for:</source>
        <translation>Attende:</translation>
    </message>
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
        <source>Already waiting, since {time}: record another visit only if they came back.</source>
        <translation>È già in attesa, dalle {time}: registra un&apos;altra visita solo se è tornato/a.</translation>
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
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to opdesk</source>
        <translation>Benvenuti in opdesk</translation>
    </message>
    <message>
        <source>Welcome! Which opcafè is this desk? Choose it once: the visits recorded here will belong to it.</source>
        <translation>Benvenuti! Quale opcafè è questa postazione? Si sceglie una volta sola: le visite registrate qui apparterranno a quella sede.</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sedi</translation>
    </message>
    <message>
        <source>Just trying: use invented people</source>
        <translation>Solo per provare: usa persone inventate</translation>
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
        <source>Too long: at most {max} characters.</source>
        <translation>Troppo lungo: al massimo {max} caratteri.</translation>
    </message>
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
        <source>This person&apos;s full record is kept at another opcafè. Check them in: it arrives here with the next synchronisation, and can be changed then.</source>
        <translation>La scheda completa di questa persona è tenuta da un altro opcafè. Registra la visita: la scheda arriva qui con la prossima sincronizzazione e da allora si può modificare.</translation>
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
        <source>HQ&apos;s database could not store this change: a value is too long or out of range, or it names something HQ does not have.</source>
        <translation>Il database della sede centrale non ha potuto salvare questa modifica: un valore è troppo lungo o fuori dai limiti, oppure nomina qualcosa che la sede centrale non ha.</translation>
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
        <source>These two are already one person: they were merged before.</source>
        <translation>Queste due persone sono già una sola: sono state unite in precedenza.</translation>
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
        <source>This codice fiscale cannot exist: its birth date or birth place code is wrong. Check for a typo.</source>
        <translation>Questo codice fiscale non può esistere: la data o il codice del luogo di nascita non tornano. Controlla se c&apos;è un errore di battitura.</translation>
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
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>This visitor is no longer waiting.</source>
        <translation>Questa persona non è più in attesa.</translation>
    </message>
    <message>
        <source>Write the year with four digits, e.g. 1980.</source>
        <translation>Scrivi l&apos;anno con quattro cifre, ad es. 1980.</translation>
    </message>
    <message>
        <source>Another desk changed {field} too: this desk&apos;s value is kept for now.</source>
        <translation>Anche un&apos;altra postazione ha cambiato il dato «{field}»: per ora resta il valore di questa postazione.</translation>
    </message>
    <message>
        <source>This person may have been registered at another desk too: {reasons}.</source>
        <translation>Questa persona potrebbe essere stata registrata anche a un&apos;altra postazione: {reasons}.</translation>
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
    <message>
        <source>record elsewhere</source>
        <translation>scheda altrove</translation>
    </message>
</context>
<context>
    <name>person</name>
    <message>
        <source>Registration</source>
        <translation>Registrazione</translation>
    </message>
    <message>
        <source>Findable at the other opcafè</source>
        <translation>Ritrovabile negli altri opcafè</translation>
    </message>
    <message>
        <source>Contact by phone</source>
        <translation>Contatto telefonico</translation>
    </message>
    <message>
        <source>Sharing with partner services</source>
        <translation>Condivisione con i servizi</translation>
    </message>
    <message>
        <source>Parent or guardian</source>
        <translation>Genitore o tutore</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Genitore</translation>
    </message>
    <message>
        <source>Son or daughter</source>
        <translation>Figlio o figlia</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Brother or sister</source>
        <translation>Fratello o sorella</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Parente</translation>
    </message>
    <message>
        <source>Other link</source>
        <translation>Altro legame</translation>
    </message>
    <message>
        <source>In their care (minor)</source>
        <translation>Minore a suo carico</translation>
    </message>
    <message>
        <source>F (female)</source>
        <translation>F (femmina)</translation>
    </message>
    <message>
        <source>M (male)</source>
        <translation>M (maschio)</translation>
    </message>
    <message>
        <source>X (other)</source>
        <translation>X (altro)</translation>
    </message>
    <message>
        <source>born abroad</source>
        <translation>nato/a all&apos;estero</translation>
    </message>
    <message>
        <source>does not know it</source>
        <translation>non lo conosce</translation>
    </message>
    <message>
        <source>prefers not to give it</source>
        <translation>rifiuta di darlo</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dove</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Temi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalità</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Dato il</translation>
    </message>
    <message>
        <source>Notice version</source>
        <translation>Versione informativa</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Dato da</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Ritirato il</translation>
    </message>
    <message>
        <source>the person</source>
        <translation>la persona stessa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Legame</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>This enrollment code is not valid.</source>
        <translation>Questo codice di registrazione non è valido.</translation>
    </message>
    <message>
        <source>This desk is not enrolled at HQ.</source>
        <translation>Questa postazione non è collegata alla sede centrale: inserisci il codice dato dalla sede in Postazione → Collega alla sede centrale…</translation>
    </message>
    <message>
        <source>No such device.</source>
        <translation>Questo dispositivo non esiste.</translation>
    </message>
    <message>
        <source>No such device, or it was revoked.</source>
        <translation>Questo dispositivo non esiste o è stato disattivato.</translation>
    </message>
    <message>
        <source>This code is for a desk of another opcafè: ask HQ for a code for this desk&apos;s opcafè.</source>
        <translation>Questo codice è per una postazione di un altro opcafè: chiedi alla sede centrale un codice per l&apos;opcafè di questa postazione.</translation>
    </message>
    <message>
        <source>This enrollment code has expired: ask HQ for a new one.</source>
        <translation>Questo codice di registrazione è scaduto: chiedine uno nuovo alla sede centrale.</translation>
    </message>
    <message>
        <source>This desk was revoked at HQ: ask HQ to enroll it again.</source>
        <translation>Questa postazione è stata disattivata dalla sede centrale: chiedi di registrarla di nuovo.</translation>
    </message>
    <message>
        <source>HQ&apos;s certificate is not trusted by this desk: choose the certificate authority file HQ gave you, or check HQ&apos;s address.</source>
        <translation>Questa postazione non si fida del certificato della sede centrale: scegli il file dell&apos;autorità di certificazione che ti ha dato la sede centrale, oppure controlla l&apos;indirizzo.</translation>
    </message>
    <message>
        <source>HQ&apos;s certificate is not for this address: check HQ&apos;s address.</source>
        <translation>Il certificato della sede centrale non è per questo indirizzo: controlla l&apos;indirizzo della sede centrale.</translation>
    </message>
    <message>
        <source>HQ&apos;s certificate has expired or is not valid yet: tell HQ, or check this PC&apos;s clock.</source>
        <translation>Il certificato della sede centrale è scaduto o non è ancora valido: avvisa la sede centrale, oppure controlla l&apos;orologio di questo PC.</translation>
    </message>
    <message>
        <source>A secure connection with HQ could not be made: check HQ&apos;s address (https:// or http://).</source>
        <translation>Non è stato possibile stabilire una connessione sicura con la sede centrale: controlla l&apos;indirizzo (https:// o http://).</translation>
    </message>
    <message>
        <source>HQ closed the connection without answering: if HQ uses https, its address must start with https://.</source>
        <translation>La sede centrale ha chiuso la connessione senza rispondere: se usa https, l&apos;indirizzo deve cominciare con https://.</translation>
    </message>
    <message>
        <source>HQ cannot be reached: check the network and HQ&apos;s address.</source>
        <translation>La sede centrale non è raggiungibile: controlla la rete e l&apos;indirizzo della sede centrale.</translation>
    </message>
    <message>
        <source>HQ did not answer in time: the desk will try again.</source>
        <translation>La sede centrale non ha risposto in tempo: la postazione riproverà.</translation>
    </message>
    <message>
        <source>HQ&apos;s answer could not be read; nothing was changed here. The desk will try again.</source>
        <translation>La risposta della sede centrale non si può leggere; qui non è cambiato nulla. La postazione riproverà.</translation>
    </message>
    <message>
        <source>Something other than HQ answered at this address: check HQ&apos;s address.</source>
        <translation>A questo indirizzo non risponde la sede centrale: controlla l&apos;indirizzo.</translation>
    </message>
    <message>
        <source>The certificate authority file cannot be read: choose it again.</source>
        <translation>Il file dell&apos;autorità di certificazione non si può leggere: sceglilo di nuovo.</translation>
    </message>
    <message>
        <source>HQ must be updated before this desk can sync.</source>
        <translation>La sede centrale deve essere aggiornata prima che questa postazione possa sincronizzarsi.</translation>
    </message>
    <message>
        <source>Update opdesk on this desk to sync again.</source>
        <translation>Aggiorna opdesk su questa postazione per sincronizzarla di nuovo.</translation>
    </message>
    <message>
        <source>Every mutation must be of the pushing desk.</source>
        <translation>Ogni modifica inviata deve essere di questa postazione.</translation>
    </message>
    <message>
        <source>HQ could not answer: the desk will try again later.</source>
        <translation>La sede centrale non è riuscita a rispondere: la postazione riproverà più tardi.</translation>
    </message>
    <message>
        <source>HQ could not process this request; it will be tried again.</source>
        <translation>la sede non è riuscita a elaborare la richiesta; si riproverà.</translation>
    </message>
    <message>
        <source>an error on this desk stopped it (details in the log file); nothing was lost.</source>
        <translation>un errore di questa postazione l&apos;ha fermata (dettagli nel file di log); non è andato perso nulla.</translation>
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
