<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>EventMessageTranslator</name>
    <message>
        <source>Rejected a token: %1</source>
        <translation>Avviste et token: %1</translation>
    </message>
    <message>
        <source>Refused the call: %1</source>
        <translation>Avviste kallet: %1</translation>
    </message>
    <message>
        <source>Failed to serve the call: %1</source>
        <translation>Kunne ikke betjene kallet: %1</translation>
    </message>
    <message>
        <source>The tenant is paused: asked the Mirroring Task to skip this cycle.</source>
        <translation>Tenanten er satt på pause: ba Mirroring Task hoppe over denne syklusen.</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n table(s) no longer mirrored: %1</source>
        <translation>
            <numerusform>Slettet %n tabell som ikke lenger speiles: %1</numerusform>
            <numerusform>Slettet %n tabeller som ikke lenger speiles: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recreated %n table(s) after an incompatible schema change: %1</source>
        <translation>
            <numerusform>Opprettet %n tabell på nytt etter en inkompatibel skjemaendring: %1</numerusform>
            <numerusform>Opprettet %n tabeller på nytt etter en inkompatibel skjemaendring: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n table(s): %1</source>
        <translation>
            <numerusform>Opprettet %n tabell: %1</numerusform>
            <numerusform>Opprettet %n tabeller: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added columns to %n table(s): %1</source>
        <translation>
            <numerusform>La til kolonner i %n tabell: %1</numerusform>
            <numerusform>La til kolonner i %n tabeller: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Wiped table %1: all rows removed, LSN set to -1</source>
        <translation>Tømte tabellen %1: alle rader fjernet, LSN satt til -1</translation>
    </message>
    <message numerus="yes">
        <source>Cycle completed: %n table(s), %1 row change(s)</source>
        <translation>
            <numerusform>Syklus fullført: %n tabell, %1 radendring(er)</numerusform>
            <numerusform>Syklus fullført: %n tabeller, %1 radendring(er)</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalidated %1: rows deleted and LSN set to -1; the next cycle sends everything again</source>
        <translation>Ugyldiggjorde %1: rader slettet og LSN satt til -1; neste syklus sender alt på nytt</translation>
    </message>
    <message>
        <source>Invalidated all tables: rows deleted and LSN set to -1; the next cycle sends everything again</source>
        <translation>Ugyldiggjorde alle tabeller: rader slettet og LSN satt til -1; neste syklus sender alt på nytt</translation>
    </message>
    <message>
        <source>Hard reset of %1: metadata rows deleted and tables dropped; the next cycle recreates and repopulates them</source>
        <translation>Hard tilbakestilling av %1: metadatarader slettet og tabeller fjernet; neste syklus oppretter og fyller dem på nytt</translation>
    </message>
    <message>
        <source>Hard reset of all tables: metadata rows deleted and tables dropped; the next cycle recreates and repopulates them</source>
        <translation>Hard tilbakestilling av alle tabeller: metadatarader slettet og tabeller fjernet; neste syklus oppretter og fyller dem på nytt</translation>
    </message>
    <message>
        <source>Paused: the Mirroring Task is asked to skip this tenant (doNotReplicate)</source>
        <translation>Satt på pause: Mirroring Task blir bedt om å hoppe over denne tenanten (doNotReplicate)</translation>
    </message>
    <message>
        <source>Resumed: the next cycle mirrors this tenant again</source>
        <translation>Gjenopptatt: neste syklus speiler denne tenanten igjen</translation>
    </message>
    <message>
        <source>Deleted the mirror of tenant %1; the next cycle starts it anew</source>
        <translation>Slettet speilet til tenant %1; neste syklus starter det på nytt</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 feilet: %2</translation>
    </message>
    <message>
        <source>Demo cycle started: the demo signing certificate %1 is trusted until it ends</source>
        <translation>Demosyklus startet: demoens signeringssertifikat %1 er klarert til den er ferdig</translation>
    </message>
    <message numerus="yes">
        <source>Demo cycle finished: completed (%Ln row(s) sent)</source>
        <translation>
            <numerusform>Demosyklus ferdig: fullført (%Ln rad sendt)</numerusform>
            <numerusform>Demosyklus ferdig: fullført (%Ln rader sendt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo cycle finished: skipped, the endpoint answered doNotReplicate (%Ln row(s) sent)</source>
        <translation>
            <numerusform>Demosyklus ferdig: hoppet over, endepunktet svarte doNotReplicate (%Ln rad sendt)</numerusform>
            <numerusform>Demosyklus ferdig: hoppet over, endepunktet svarte doNotReplicate (%Ln rader sendt)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo cycle failed: %1 (%Ln row(s) sent)</source>
        <translation>
            <numerusform>Demosyklus feilet: %1 (%Ln rad sendt)</numerusform>
            <numerusform>Demosyklus feilet: %1 (%Ln rader sendt)</numerusform>
        </translation>
    </message>
    <message>
        <source>The endpoint cannot start: %1</source>
        <translation>Endepunktet kan ikke starte: %1</translation>
    </message>
    <message>
        <source>The saved setup could not be loaded; using the demo identity</source>
        <translation>Det lagrede oppsettet kunne ikke lastes; bruker demoidentiteten</translation>
    </message>
    <message>
        <source>Cannot listen on %1</source>
        <translation>Kan ikke lytte på %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Kan ikke lytte på %1: %2</translation>
    </message>
</context>
<context>
    <name>ms::CsvExporter</name>
    <message>
        <source>The tenant %1 has no mirror.</source>
        <translation>Tenanten %1 har ikke noe speil.</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>avbrutt</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>Kunne ikke opprette %1: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>Could not replace %1.</source>
        <translation>Kunne ikke erstatte %1.</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation>Kunne ikke gi %1 nytt navn til %2.</translation>
    </message>
</context>
<context>
    <name>ms::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvorlighet</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operasjon</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Informasjon</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
</context>
<context>
    <name>ms::KeysetSql</name>
    <message>
        <source>The page key does not fit the order.</source>
        <translation>Sidenøkkelen passer ikke til sorteringen.</translation>
    </message>
    <message>
        <source>The table name %1 is not a valid identifier.</source>
        <translation>Tabellnavnet %1 er ikke en gyldig identifikator.</translation>
    </message>
</context>
<context>
    <name>ms::MirrorReader</name>
    <message>
        <source>%1 is not a valid tenant id.</source>
        <translation>%1 er ikke en gyldig tenant-id.</translation>
    </message>
    <message>
        <source>The tenant %1 has no mirror.</source>
        <translation>Tenanten %1 har ikke noe speil.</translation>
    </message>
    <message>
        <source>Could not prepare the query: %1</source>
        <translation>Kunne ikke forberede spørringen: %1</translation>
    </message>
    <message>
        <source>Could not read the mirror: %1</source>
        <translation>Kunne ikke lese speilet: %1</translation>
    </message>
    <message>
        <source>Reading the mirror stopped: %1</source>
        <translation>Lesingen av speilet stoppet: %1</translation>
    </message>
</context>
<context>
    <name>ms::QueryResultModel</name>
    <message>
        <source>The query was canceled.</source>
        <translation>Spørringen ble avbrutt.</translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
</context>
<context>
    <name>ms::ReaderConnection</name>
    <message>
        <source>The window cannot read mirrors through the %1 driver yet.</source>
        <translation>Vinduet kan ennå ikke lese speil gjennom driveren %1.</translation>
    </message>
    <message>
        <source>Could not open the mirror %1: %2</source>
        <translation>Kunne ikke åpne speilet %1: %2</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>filen finnes ikke lenger</translation>
    </message>
    <message>
        <source>The mirror schema %1 is not a valid name.</source>
        <translation>Speilskjemaet %1 er ikke et gyldig navn.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Qts PostgreSQL-driver (QPSQL) er ikke installert.</translation>
    </message>
    <message>
        <source>Could not connect to the PostgreSQL mirror %1: %2</source>
        <translation>Kunne ikke koble til PostgreSQL-speilet %1: %2</translation>
    </message>
    <message>
        <source>Qt&apos;s ODBC driver (QODBC) is not installed.</source>
        <translation>ODBC-driveren til Qt (QODBC) er ikke installert.</translation>
    </message>
    <message>
        <source>Could not connect to the SQL Server mirror %1: %2</source>
        <translation>Kunne ikke koble til SQL Server-speilet %1: %2</translation>
    </message>
    <message>
        <source>Could not start the query&apos;s transaction: %1</source>
        <translation>Kunne ikke starte transaksjonen for spørringen: %1</translation>
    </message>
</context>
<context>
    <name>ms::SelfTest</name>
    <message>
        <source>No answer from %1 within %2 seconds.</source>
        <translation>Intet svar fra %1 innen %2 sekunder.</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1 instead of 200.</source>
        <translation>Endepunktet svarte HTTP %1 i stedet for 200.</translation>
    </message>
    <message>
        <source>The endpoint answered with a SOAP fault: %1</source>
        <translation>Endepunktet svarte med en SOAP-feil: %1</translation>
    </message>
    <message>
        <source>The answer is not an Authenticate response: %1</source>
        <translation>Svaret er ikke et Authenticate-svar: %1</translation>
    </message>
    <message>
        <source>The endpoint refused the test token: %1</source>
        <translation>Endepunktet avviste testtokenet: %1</translation>
    </message>
    <message>
        <source>The endpoint accepted a token signed by the test signing certificate.</source>
        <translation>Endepunktet godtok et token signert med testsertifikatet for signering.</translation>
    </message>
    <message>
        <source>Endpoint started</source>
        <translation>Endepunktet startet</translation>
    </message>
    <message>
        <source>TLS handshake with the chosen certificate</source>
        <translation>TLS-håndtrykk med det valgte sertifikatet</translation>
    </message>
    <message>
        <source>Test token accepted (Authenticate)</source>
        <translation>Testtoken godtatt (Authenticate)</translation>
    </message>
    <message>
        <source>Application token verified with the public key</source>
        <translation>Applikasjonstoken verifisert med den offentlige nøkkelen</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>Kan ikke opprette en midlertidig mappe: %1</translation>
    </message>
    <message>
        <source>No application key is set.</source>
        <translation>Ingen applikasjonsnøkkel er satt.</translation>
    </message>
    <message>
        <source>The endpoint could not listen: %1</source>
        <translation>Endepunktet kunne ikke lytte: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lytter på %1</translation>
    </message>
    <message>
        <source>Cannot make a test token: %1</source>
        <translation>Kan ikke lage et testtoken: %1</translation>
    </message>
    <message>
        <source>No TLS connection: %1</source>
        <translation>Ingen TLS-forbindelse: %1</translation>
    </message>
    <message>
        <source>The endpoint presented another certificate than the chosen one.</source>
        <translation>Endepunktet viste et annet sertifikat enn det valgte.</translation>
    </message>
    <message>
        <source>The endpoint presented the chosen certificate (SHA-256 %1).</source>
        <translation>Endepunktet viste det valgte sertifikatet (SHA-256 %1).</translation>
    </message>
    <message>
        <source>The call did not get through: %1</source>
        <translation>Kallet kom ikke gjennom: %1</translation>
    </message>
    <message>
        <source>The SignedApplicationToken echoes the nonce and its signature verifies with the application&apos;s public key.</source>
        <translation>SignedApplicationToken gjentar nonce-verdien, og signaturen verifiseres med applikasjonens offentlige nøkkel.</translation>
    </message>
</context>
<context>
    <name>ms::TableContentsModel</name>
    <message numerus="yes">
        <source>&lt;%n bytes&gt;</source>
        <translation>
            <numerusform>&lt;%n byte&gt;</numerusform>
            <numerusform>&lt;%n byte&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n byte</numerusform>
        </translation>
    </message>
    <message>
        <source>(primary key)</source>
        <translation>(primærnøkkel)</translation>
    </message>
</context>
<context>
    <name>ms::TableListModel</name>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <source>LSN</source>
        <translation>LSN</translation>
    </message>
    <message>
        <source>Schema hash</source>
        <translation>Skjema-hash</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Sist endret</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Satt inn</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Oppdatert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
</context>
<context>
    <name>ms::TenantListModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Feilet: %1</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fullført</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ingen ennå</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last cycle</source>
        <translation>Siste syklus</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabeller</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>never completed</source>
        <translation>aldri fullført</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>mottar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>feil</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>satt på pause</translation>
    </message>
</context>
<context>
    <name>ms::ui::AdminActions</name>
    <message>
        <source>Invalidate</source>
        <translation>Ugyldiggjør</translation>
    </message>
    <message>
        <source>Repopulate</source>
        <translation>Fyll på nytt</translation>
    </message>
    <message>
        <source>Pause tenant</source>
        <translation>Sett tenant på pause</translation>
    </message>
    <message>
        <source>Resume tenant</source>
        <translation>Gjenoppta tenant</translation>
    </message>
    <message>
        <source>Delete mirror</source>
        <translation>Slett speil</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Gjenoppta</translation>
    </message>
    <message>
        <source>Deletes all rows of every table of %1 and sets every LSN to -1 in %2. The next cycle sends every row again.</source>
        <translation>Sletter alle rader i alle tabellene til %1 og setter hver LSN til -1 i %2. Neste syklus sender alle rader på nytt.</translation>
    </message>
    <message numerus="yes">
        <source>Deletes all rows of %1 and sets its LSN to -1 in %2. The next cycle sends every row again.</source>
        <translation>
            <numerusform>Sletter alle rader i %1 og setter LSN-en til -1 i %2. Neste syklus sender alle rader på nytt.</numerusform>
            <numerusform>Sletter alle rader i %1 og setter LSN-ene deres til -1 i %2. Neste syklus sender alle rader på nytt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Drops every table of %1 and deletes their rows in %2 (the documented hard reset). The next cycle creates the tables again and sends every row.</source>
        <translation>Sletter alle tabellene til %1 og radene deres i %2 (den dokumenterte harde tilbakestillingen). Neste syklus oppretter tabellene på nytt og sender alle rader.</translation>
    </message>
    <message numerus="yes">
        <source>Drops %1 and deletes its row in %2 (the documented hard reset). The next cycle creates it again and sends every row.</source>
        <translation>
            <numerusform>Sletter %1 og raden dens i %2 (den dokumenterte harde tilbakestillingen). Neste syklus oppretter den på nytt og sender alle rader.</numerusform>
            <numerusform>Sletter %1 og radene deres i %2 (den dokumenterte harde tilbakestillingen). Neste syklus oppretter dem på nytt og sender alle rader.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is answered doNotReplicate from its next Authenticate on: the Mirroring Task skips it until you resume it. The mirror is kept as it is.</source>
        <translation>%1 får svaret doNotReplicate fra neste Authenticate: Mirroring Task hopper over den til du gjenopptar den. Speilet beholdes som det er.</translation>
    </message>
    <message>
        <source>%1 is mirrored again from its next cycle on.</source>
        <translation>%1 speiles igjen fra neste syklus.</translation>
    </message>
    <message>
        <source>Deletes the mirror of %1 (all its tables and %2) and forgets its state. Its events stay in the log. If the Mirroring Task calls again, it starts over with every row.</source>
        <translation>Sletter speilet til %1 (alle tabellene og %2) og glemmer tilstanden. Hendelsene blir værende i loggen. Hvis Mirroring Task kaller igjen, starter den på nytt med alle rader.</translation>
    </message>
</context>
<context>
    <name>ms::ui::Application</name>
    <message>
        <source>MirrorScope</source>
        <translation>MirrorScope</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be opened: %2</source>
        <translation>Datamappen %1 kan ikke åpnes: %2</translation>
    </message>
</context>
<context>
    <name>ms::ui::ApplicationKeyCheck</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan ikke lese %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a key file.</source>
        <translation>%1 er for stor til å være en nøkkelfil.</translation>
    </message>
    <message>
        <source>No application key is loaded.</source>
        <translation>Ingen applikasjonsnøkkel er lastet.</translation>
    </message>
    <message>
        <source>A signature made with this key does not verify with its own public key: the key is damaged. Import it again.</source>
        <translation>En signatur laget med denne nøkkelen lar seg ikke verifisere med dens egen offentlige nøkkel: nøkkelen er skadet. Importer den på nytt.</translation>
    </message>
    <message>
        <source>The key signs and verifies, but has only %1 bits; SuperOffice issues 2048-bit keys.</source>
        <translation>Nøkkelen signerer og verifiserer, men har bare %1 bit; SuperOffice utsteder 2048-bits nøkler.</translation>
    </message>
    <message>
        <source>The %1-bit key signs, and its public key verifies the signature.</source>
        <translation>%1-bits nøkkelen signerer, og dens offentlige nøkkel verifiserer signaturen.</translation>
    </message>
    <message>
        <source>Both the private key and the registered public key are needed.</source>
        <translation>Både den private nøkkelen og den registrerte offentlige nøkkelen trengs.</translation>
    </message>
    <message>
        <source>The private key matches the registered public key.</source>
        <translation>Den private nøkkelen passer til den registrerte offentlige nøkkelen.</translation>
    </message>
    <message>
        <source>This private key does not belong to the registered public key (fingerprint %1; the private key&apos;s is %2). SuperOffice would reject every answer of the endpoint: import the private key issued with that public key, or register this key&apos;s public key in the developer portal.</source>
        <translation>Denne private nøkkelen hører ikke til den registrerte offentlige nøkkelen (fingeravtrykk %1; den private nøkkelens er %2). SuperOffice ville avvise alle svar fra endepunktet: importer den private nøkkelen som ble utstedt sammen med den offentlige nøkkelen, eller registrer denne nøkkelens offentlige nøkkel i utviklerportalen.</translation>
    </message>
</context>
<context>
    <name>ms::ui::ApplicationKeyPage</name>
    <message>
        <source>&amp;Import the private key SuperOffice issued (RSA XML or PEM)</source>
        <translation>&amp;Importer den private nøkkelen SuperOffice utstedte (RSA XML eller PEM)</translation>
    </message>
    <message>
        <source>&amp;Generate a new 2048-bit key pair</source>
        <translation>&amp;Lag et nytt 2048-bits nøkkelpar</translation>
    </message>
    <message>
        <source>Application private key</source>
        <translation>Applikasjonens private nøkkel</translation>
    </message>
    <message>
        <source>Keys (*.xml *.pem *.key);;All files (*)</source>
        <translation>Nøkler (*.xml *.pem *.key);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Lagre…</translation>
    </message>
    <message>
        <source>Registered public key</source>
        <translation>Registrert offentlig nøkkel</translation>
    </message>
    <message>
        <source>Keys (*.xml *.pem *.crt);;All files (*)</source>
        <translation>Nøkler (*.xml *.pem *.crt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Application key</source>
        <translation>Applikasjonsnøkkel</translation>
    </message>
    <message>
        <source>The endpoint proves to SuperOffice that it speaks for your application by signing with the application&apos;s private key.</source>
        <translation>Endepunktet beviser overfor SuperOffice at det taler for applikasjonen din ved å signere med applikasjonens private nøkkel.</translation>
    </message>
    <message>
        <source>The public key appears here as RSA XML.</source>
        <translation>Den offentlige nøkkelen vises her som RSA XML.</translation>
    </message>
    <message>
        <source>Registered public key (optional):</source>
        <translation>Registrert offentlig nøkkel (valgfri):</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>Lagre den offentlige nøkkelen</translation>
    </message>
    <message>
        <source>RSA XML (*.xml);;PEM (*.pem)</source>
        <translation>RSA XML (*.xml);;PEM (*.pem)</translation>
    </message>
    <message>
        <source>Generating a 2048-bit RSA key pair…</source>
        <translation>Lager et 2048-bits RSA-nøkkelpar…</translation>
    </message>
    <message>
        <source>Register the public key below for your application in the developer portal.</source>
        <translation>Registrer den offentlige nøkkelen nedenfor for applikasjonen din i utviklerportalen.</translation>
    </message>
    <message>
        <source>Cannot save the public key to %1: %2</source>
        <translation>Kan ikke lagre den offentlige nøkkelen i %1: %2</translation>
    </message>
    <message>
        <source>The public key is saved in %1.</source>
        <translation>Den offentlige nøkkelen er lagret i %1.</translation>
    </message>
    <message>
        <source>Loaded; it is compared with the private key once that is there.</source>
        <translation>Lastet; den sammenlignes med den private nøkkelen når den er på plass.</translation>
    </message>
    <message>
        <source>Public key, to register for your application in the developer portal (RSA XML):</source>
        <translation>Offentlig nøkkel som skal registreres for applikasjonen din i utviklerportalen (RSA XML):</translation>
    </message>
</context>
<context>
    <name>ms::ui::CertificateCheck</name>
    <message>
        <source>No certificate is loaded.</source>
        <translation>Ingen sertifikat er lastet.</translation>
    </message>
    <message>
        <source>This certificate expired on %1. Tokens signed by SuperOffice today cannot be checked with it: download the current certificate of %2.</source>
        <translation>Dette sertifikatet utløp %1. Tokener som SuperOffice signerer i dag, kan ikke kontrolleres med det: last ned det gjeldende sertifikatet for %2.</translation>
    </message>
    <message>
        <source>This certificate is valid only from %1; check the computer&apos;s clock or use the current certificate.</source>
        <translation>Dette sertifikatet er først gyldig fra %1; kontroller datamaskinens klokke eller bruk det gjeldende sertifikatet.</translation>
    </message>
    <message>
        <source>This is SuperOffice&apos;s known certificate for %1.</source>
        <translation>Dette er SuperOffice sitt kjente sertifikat for %1.</translation>
    </message>
    <message>
        <source>This is SuperOffice&apos;s certificate for %1, but you chose %2 on the first page: tokens from %2 will be refused. Go back and change the environment, or import the certificate of %2.</source>
        <translation>Dette er SuperOffice sitt sertifikat for %1, men du valgte %2 på første side: tokener fra %2 blir avvist. Gå tilbake og endre miljøet, eller importer sertifikatet for %2.</translation>
    </message>
    <message>
        <source>The thumbprint %1 is not the known one of %2 (%3). Use this certificate only if SuperOffice announced a new one.</source>
        <translation>Tommelavtrykket %1 er ikke det kjente for %2 (%3). Bruk dette sertifikatet bare hvis SuperOffice har varslet et nytt.</translation>
    </message>
    <message>
        <source>Enter the application id (client_id).</source>
        <translation>Skriv inn applikasjons-id-en (client_id).</translation>
    </message>
    <message>
        <source>The application id has no spaces; copy it again from the developer portal.</source>
        <translation>Applikasjons-id-en har ingen mellomrom; kopier den på nytt fra utviklerportalen.</translation>
    </message>
</context>
<context>
    <name>ms::ui::DatabaseDialog</name>
    <message>
        <source>Embedded SQLite files in the data directory</source>
        <translation>Innebygde SQLite-filer i datakatalogen</translation>
    </message>
    <message>
        <source>A PostgreSQL server</source>
        <translation>En PostgreSQL-server</translation>
    </message>
    <message>
        <source>Mirror database</source>
        <translation>Speildatabase</translation>
    </message>
    <message>
        <source>(kept in the keychain; type to replace)</source>
        <translation>(lagret i nøkkelringen; skriv for å erstatte)</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passord:</translation>
    </message>
    <message>
        <source>Type the PostgreSQL server&apos;s URL.</source>
        <translation>Skriv inn URL-en til PostgreSQL-serveren.</translation>
    </message>
    <message>
        <source>A SQL Server (experimental: not yet tested against a real server)</source>
        <translation>En SQL Server (eksperimentell: ennå ikke testet mot en ekte server)</translation>
    </message>
    <message>
        <source>(none, or PGPASSWORD and ~/.pgpass for PostgreSQL)</source>
        <translation>(ingen, eller PGPASSWORD og ~/.pgpass for PostgreSQL)</translation>
    </message>
    <message>
        <source>Where the endpoint writes the mirrors and the window reads them. Each tenant gets a schema Mirror_&lt;tenant&gt; in the PostgreSQL database, or a database Mirror_&lt;tenant&gt; on the SQL Server. The password is kept in the system keychain, never in the settings file. The change takes effect at the next start.</source>
        <translation>Hvor endepunktet skriver speilene og vinduet leser dem. Hver kunde får et skjema Mirror_&lt;kunde&gt; i PostgreSQL-databasen, eller en database Mirror_&lt;kunde&gt; på SQL Server. Passordet lagres i systemets nøkkelring, aldri i innstillingsfilen. Endringen gjelder fra neste oppstart.</translation>
    </message>
    <message>
        <source>Type the SQL Server&apos;s URL.</source>
        <translation>Skriv inn URL-en til SQL Server.</translation>
    </message>
    <message>
        <source>This is a SQL Server URL; a PostgreSQL URL starts with postgresql://.</source>
        <translation>Dette er en SQL Server-URL; en PostgreSQL-URL begynner med postgresql://.</translation>
    </message>
    <message>
        <source>This is a PostgreSQL URL; a SQL Server URL starts with mssql://.</source>
        <translation>Dette er en PostgreSQL-URL; en SQL Server-URL begynner med mssql://.</translation>
    </message>
</context>
<context>
    <name>ms::ui::DatabaseSetting</name>
    <message>
        <source>The database password could not be read from the keychain: %1</source>
        <translation>Databasepassordet kunne ikke leses fra nøkkelringen: %1</translation>
    </message>
    <message>
        <source>The saved database setting is not usable (%1); the window uses the embedded SQLite files instead.</source>
        <translation>Den lagrede databaseinnstillingen kan ikke brukes (%1); vinduet bruker de innebygde SQLite-filene i stedet.</translation>
    </message>
    <message>
        <source>The keychain did not take the password: %1</source>
        <translation>Nøkkelringen tok ikke imot passordet: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::DemoCycle</name>
    <message>
        <source>Creating the demo source…</source>
        <translation>Oppretter demokilden…</translation>
    </message>
    <message>
        <source>Demo cycle: %1, %2 rows sent</source>
        <translation>Demosyklus: %1, %2 rader sendt</translation>
    </message>
    <message>
        <source>Preparing the demo cycle…</source>
        <translation>Forbereder demosyklusen…</translation>
    </message>
</context>
<context>
    <name>ms::ui::EndpointController</name>
    <message>
        <source>cannot listen on %1</source>
        <translation>kan ikke lytte på %1</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>kan ikke lytte på %1: %2</translation>
    </message>
</context>
<context>
    <name>ms::ui::EndpointStatusBar</name>
    <message>
        <source>The URL to register as the Mirroring Task&apos;s endpoint</source>
        <translation>URL-en som skal registreres som endepunkt for Mirroring Task</translation>
    </message>
    <message>
        <source>Copy the endpoint URL</source>
        <translation>Kopier endepunktets URL</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Listening (demo identity)</source>
        <translation>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Lytter (demoidentitet)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Listening</source>
        <translation>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Lytter</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;●&lt;/span&gt; Error: %1</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;●&lt;/span&gt; Feil: %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#7f8c8d&apos;&gt;●&lt;/span&gt; Stopped</source>
        <translation>&lt;span style=&apos;color:#7f8c8d&apos;&gt;●&lt;/span&gt; Stoppet</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>lytter ikke</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) served</source>
        <translation>
            <numerusform>%n kall betjent</numerusform>
            <numerusform>%n kall betjent</numerusform>
        </translation>
    </message>
    <message>
        <source>Last call: none</source>
        <translation>Siste kall: ingen</translation>
    </message>
    <message>
        <source>unreadable request</source>
        <translation>uleselig forespørsel</translation>
    </message>
    <message>
        <source>Last call: %1 %2 %3</source>
        <translation>Siste kall: %1 %2 %3</translation>
    </message>
    <message>
        <source>Last call: %1 %2 %3 failed</source>
        <translation>Siste kall: %1 %2 %3 feilet</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 rader/s</translation>
    </message>
</context>
<context>
    <name>ms::ui::EndpointTlsPage</name>
    <message>
        <source>&amp;Plain HTTP (behind a tunnel or a reverse proxy that adds TLS)</source>
        <translation>&amp;Ren HTTP (bak en tunnel eller en omvendt proxy som legger til TLS)</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed certificate</source>
        <translation>&amp;Lag et selvsignert sertifikat</translation>
    </message>
    <message>
        <source>&amp;Import a certificate (PEM with its key, or PKCS#12)</source>
        <translation>&amp;Importer et sertifikat (PEM med nøkkel, eller PKCS#12)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-sertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>Sertifikater (*.pem *.crt *.cer *.p12 *.pfx);;Alle filer (*)</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Privat TLS-nøkkel</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-nøkler (*.pem *.key);;Alle filer (*)</translation>
    </message>
    <message>
        <source>TLS key &amp;file (0600):</source>
        <translation>TLS-nøkkel&amp;fil (0600):</translation>
    </message>
    <message>
        <source>TLS key file</source>
        <translation>TLS-nøkkelfil</translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM-filer (*.pem);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Endpoint address and TLS</source>
        <translation>Endepunktets adresse og TLS</translation>
    </message>
    <message>
        <source>Where the endpoint listens, and whether it serves HTTPS itself. SuperOffice calls an https URL; TLS may also come from a tunnel or reverse proxy.</source>
        <translation>Hvor endepunktet lytter, og om det selv betjener HTTPS. SuperOffice kaller en https-URL; TLS kan også komme fra en tunnel eller en omvendt proxy.</translation>
    </message>
    <message>
        <source>only for PKCS#12</source>
        <translation>bare for PKCS#12</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Sertifikat:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privat &amp;nøkkel:</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;frase:</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Lytt på:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-fingeravtrykk:</translation>
    </message>
    <message>
        <source>For “%1” and localhost, 127.0.0.1 and ::1 (subject alternative names), valid for 825 days. The task must be told to trust it.</source>
        <translation>For «%1» og localhost, 127.0.0.1 og ::1 (alternative emnenavn), gyldig i 825 dager. Oppgaven må få beskjed om å stole på det.</translation>
    </message>
    <message>
        <source>The certificate and its private key belong together.</source>
        <translation>Sertifikatet og den private nøkkelen hører sammen.</translation>
    </message>
    <message>
        <source>A new key and self-signed certificate are ready.</source>
        <translation>En ny nøkkel og et selvsignert sertifikat er klare.</translation>
    </message>
    <message>
        <source>Generating a key and a self-signed certificate…</source>
        <translation>Lager en nøkkel og et selvsignert sertifikat…</translation>
    </message>
</context>
<context>
    <name>ms::ui::Environment</name>
    <message>
        <source>SOD (development)</source>
        <translation>SOD (utvikling)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produksjon</translation>
    </message>
</context>
<context>
    <name>ms::ui::EnvironmentPage</name>
    <message>
        <source>Environment and application</source>
        <translation>Miljø og applikasjon</translation>
    </message>
    <message>
        <source>Which SuperOffice environment sends the mirroring calls, and which application they are for.</source>
        <translation>Hvilket SuperOffice-miljø som sender speilingskallene, og hvilken applikasjon de gjelder.</translation>
    </message>
    <message>
        <source>The application id (client_id) is on your application&apos;s page in the SuperOffice developer portal (dev.superoffice.com, My apps).</source>
        <translation>Applikasjons-id-en (client_id) står på applikasjonens side i SuperOffice sin utviklerportal (dev.superoffice.com, My apps).</translation>
    </message>
    <message>
        <source>e.g. 0123456789abcdef0123456789abcdef</source>
        <translation>f.eks. 0123456789abcdef0123456789abcdef</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Miljø:</translation>
    </message>
    <message>
        <source>&amp;Application id:</source>
        <translation>&amp;Applikasjons-id:</translation>
    </message>
</context>
<context>
    <name>ms::ui::EventLogPane</name>
    <message>
        <source>All tenants</source>
        <translation>Alle tenanter</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle alvorlighetsgrader</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advarsler og feil</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Bare feil</translation>
    </message>
    <message>
        <source>Search messages and details</source>
        <translation>Søk i meldinger og detaljer</translation>
    </message>
    <message>
        <source>Select an event to see its details</source>
        <translation>Velg en hendelse for å se detaljene</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Alvorlighet:</translation>
    </message>
    <message>
        <source>%1  %2  %3
Tenant: %4
Operation: %5

%6</source>
        <translation>%1  %2  %3
Tenant: %4
Operasjon: %5

%6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>ms::ui::FilePathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>Bla gjennom…</translation>
    </message>
</context>
<context>
    <name>ms::ui::FilterHeaderView</name>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Rows whose value contains this text; &quot;=text&quot; for an exact match</source>
        <translation>Rader der verdien inneholder denne teksten; «=tekst» for nøyaktig treff</translation>
    </message>
</context>
<context>
    <name>ms::ui::KeyStorageChooser</name>
    <message>
        <source>Where to keep the private keys</source>
        <translation>Hvor de private nøklene oppbevares</translation>
    </message>
    <message>
        <source>In the OS &amp;keychain (recommended)</source>
        <translation>I operativsystemets &amp;nøkkelring (anbefalt)</translation>
    </message>
    <message>
        <source>In a key &amp;file I choose (readable only by me, permissions 0600)</source>
        <translation>I en nøkkel&amp;fil jeg velger (bare lesbar for meg, rettigheter 0600)</translation>
    </message>
    <message>
        <source>Application key file</source>
        <translation>Applikasjonsnøkkelfil</translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM-filer (*.pem);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Ask the keychain again</source>
        <translation>Spør nøkkelringen igjen</translation>
    </message>
    <message>
        <source>Asking the OS keychain whether it answers…</source>
        <translation>Spør operativsystemets nøkkelring om den svarer…</translation>
    </message>
    <message>
        <source>The OS keychain answers.</source>
        <translation>Operativsystemets nøkkelring svarer.</translation>
    </message>
    <message>
        <source>No keychain service answered (%1). MirrorScope keeps private keys only in the OS keychain, or in a file you choose. Start a keychain service (GNOME Keyring, KWallet) and ask again, or choose a key file.</source>
        <translation>Ingen nøkkelringtjeneste svarte (%1). MirrorScope oppbevarer private nøkler bare i operativsystemets nøkkelring eller i en fil du velger. Start en nøkkelringtjeneste (GNOME Keyring, KWallet) og spør igjen, eller velg en nøkkelfil.</translation>
    </message>
</context>
<context>
    <name>ms::ui::MainWindow</name>
    <message>
        <source>MirrorScope</source>
        <translation>MirrorScope</translation>
    </message>
    <message>
        <source>Table contents</source>
        <translation>Tabellinnhold</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Spørring</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Hendelseslogg</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoved</translation>
    </message>
    <message>
        <source>The endpoint cannot start: %1</source>
        <translation>Endepunktet kan ikke starte: %1</translation>
    </message>
    <message>
        <source>Run demo cycle</source>
        <translation>Kjør demosyklus</translation>
    </message>
    <message>
        <source>The endpoint is not running: %1</source>
        <translation>Endepunktet kjører ikke: %1</translation>
    </message>
    <message>
        <source>%1 of %2…</source>
        <translation>%1 av %2…</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 av %2 er utført</translation>
    </message>
    <message>
        <source>About MirrorScope</source>
        <translation>Om MirrorScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MirrorScope %1&lt;/h3&gt;&lt;p&gt;A local endpoint for SuperOffice&apos;s Database Mirroring, with a window that shows what it receives.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MirrorScope %1&lt;/h3&gt;&lt;p&gt;Et lokalt endepunkt for SuperOffice Database Mirroring, med et vindu som viser hva det mottar.&lt;/p&gt;&lt;p&gt;Datamappe: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Språket endres ved neste oppstart.</translation>
    </message>
    <message>
        <source>The mirror database changes at the next start.</source>
        <translation>Speildatabasen endres ved neste oppstart.</translation>
    </message>
    <message>
        <source>The mirror database cannot be read: %1</source>
        <translation>Speildatabasen kan ikke leses: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::QueryPane</name>
    <message>
        <source>Run Query</source>
        <translation>Kjør spørring</translation>
    </message>
    <message>
        <source>Run the query on a read-only connection (Ctrl+Enter)</source>
        <translation>Kjør spørringen på en skrivebeskyttet tilkobling (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>select * from contact</source>
        <translation>select * from contact</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Kjør</translation>
    </message>
    <message>
        <source>The most rows the query shows</source>
        <translation>Maksimalt antall rader spørringen viser</translation>
    </message>
    <message>
        <source>Row limit:</source>
        <translation>Radgrense:</translation>
    </message>
    <message>
        <source>Select a tenant to query its mirror</source>
        <translation>Velg en tenant for å spørre i speilet</translation>
    </message>
    <message>
        <source>Read-only connection to the mirror of %1</source>
        <translation>Skrivebeskyttet tilkobling til speilet til %1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Kjører…</translation>
    </message>
    <message>
        <source>Failed after %1 ms</source>
        <translation>Feilet etter %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>First %n row(s) (the row limit) in %1 ms</source>
        <translation>
            <numerusform>Første %n rad (radgrensen) på %1 ms</numerusform>
            <numerusform>Første %n rader (radgrensen) på %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in %1 ms</source>
        <translation>
            <numerusform>%n rad på %1 ms</numerusform>
            <numerusform>%n rader på %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::ui::SelfTestPage</name>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Kjør igjen</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Selvtest</translation>
    </message>
    <message>
        <source>The endpoint starts with these settings on 127.0.0.1, and a test signing key, trusted for this test only, plays SuperOffice in an Authenticate round trip.</source>
        <translation>Endepunktet starter med disse innstillingene på 127.0.0.1, og en testnøkkel for signering, klarert bare for denne testen, spiller SuperOffice i en Authenticate-rundtur.</translation>
    </message>
    <message>
        <source>Running the self-test…</source>
        <translation>Kjører selvtesten…</translation>
    </message>
    <message>
        <source>The self-test passed.</source>
        <translation>Selvtesten besto.</translation>
    </message>
    <message>
        <source>The self-test failed at the red step. Go back and change what it names, then run it again.</source>
        <translation>Selvtesten feilet ved det røde steget. Gå tilbake og endre det den nevner, og kjør den på nytt.</translation>
    </message>
</context>
<context>
    <name>ms::ui::SetupWizard</name>
    <message>
        <source>Set up certificates</source>
        <translation>Sett opp sertifikater</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
</context>
<context>
    <name>ms::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljø</translation>
    </message>
    <message>
        <source>Application id</source>
        <translation>Applikasjons-id</translation>
    </message>
    <message>
        <source>in the OS keychain</source>
        <translation>i operativsystemets nøkkelring</translation>
    </message>
    <message>
        <source>in the file %1 (0600)</source>
        <translation>i filen %1 (0600)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endepunkt</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-sertifikat</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>TLS key kept</source>
        <translation>TLS-nøkkel oppbevart</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Selvtest</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestått</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Lagrer…</translation>
    </message>
    <message>
        <source>Save stores these settings. Private keys go only where it says; the settings keep references and fingerprints.</source>
        <translation>Lagre lagrer disse innstillingene. Private nøkler havner bare der det står; innstillingene inneholder referanser og fingeravtrykk.</translation>
    </message>
    <message>
        <source>SuperOffice certificate (SHA-1)</source>
        <translation>SuperOffice-sertifikat (SHA-1)</translation>
    </message>
    <message>
        <source>Application key (SHA-256)</source>
        <translation>Applikasjonsnøkkel (SHA-256)</translation>
    </message>
    <message>
        <source>Private key kept</source>
        <translation>Privat nøkkel oppbevart</translation>
    </message>
</context>
<context>
    <name>ms::ui::SuperOfficeCertificatePage</name>
    <message>
        <source>SuperOffice certificate</source>
        <translation>SuperOffice-sertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.cer *.pem *.der);;All files (*)</source>
        <translation>Sertifikater (*.crt *.cer *.pem *.der);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>Sertifikat&amp;fil:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Emne:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gyldig:</translation>
    </message>
    <message>
        <source>SHA-1 thumbprint:</source>
        <translation>SHA-1-tommelavtrykk:</translation>
    </message>
    <message>
        <source>The certificate SuperOffice signs the tokens of %1 with (a .crt, .cer or .pem file, PEM or DER). Its SHA-1 thumbprint should be %2.</source>
        <translation>Sertifikatet SuperOffice signerer tokenene til %1 med (en .crt-, .cer- eller .pem-fil, PEM eller DER). SHA-1-tommelavtrykket skal være %2.</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 til %2 (UTC)</translation>
    </message>
</context>
<context>
    <name>ms::ui::TableContentsPane</name>
    <message>
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Copy the selected cells with their column names (Ctrl+C)</source>
        <translation>Kopier de valgte cellene med kolonnenavn (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy cells with headers</source>
        <translation>Kopier celler med overskrifter</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; i %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Table contents&lt;/b&gt; — select a table</source>
        <translation>&lt;b&gt;Tabellinnhold&lt;/b&gt; — velg en tabell</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Teller rader…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n rad</numerusform>
            <numerusform>%n rader</numerusform>
        </translation>
    </message>
    <message>
        <source> (filtered)</source>
        <translation> (filtrert)</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>Eksporter %1 som CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Eksporterer %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Eksporter CSV</translation>
    </message>
    <message>
        <source>Exporting %1… %2 rows written</source>
        <translation>Eksporterer %1… %2 rader skrevet</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Eksportert til %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Eksporten feilet: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::TablesPane</name>
    <message>
        <source>Filter tables by name</source>
        <translation>Filtrer tabeller etter navn</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tables&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tabeller&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Tables of %1&lt;/b&gt; (%n table(s))</source>
        <translation>
            <numerusform>&lt;b&gt;Tabeller i %1&lt;/b&gt; (%n tabell)</numerusform>
            <numerusform>&lt;b&gt;Tabeller i %1&lt;/b&gt; (%n tabeller)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::ui::TenantsPane</name>
    <message>
        <source>&lt;b&gt;Tenants&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tenanter&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The mirrors cannot be read: %1</source>
        <translation>Speilene kan ikke leses: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::ThroughputChart</name>
    <message>
        <source>Rows received per second over the last two minutes</source>
        <translation>Rader mottatt per sekund de siste to minuttene</translation>
    </message>
    <message>
        <source>peak %1 rows/s</source>
        <translation>topp %1 rader/s</translation>
    </message>
    <message>
        <source>no rows in 2 min</source>
        <translation>ingen rader på 2 min</translation>
    </message>
</context>
<context>
    <name>ms::ui::TlsMaterial</name>
    <message>
        <source>The TLS certificate or its key is missing.</source>
        <translation>TLS-sertifikatet eller nøkkelen mangler.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Kan ikke lese %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate or key file.</source>
        <translation>%1 er for stor til å være en sertifikat- eller nøkkelfil.</translation>
    </message>
    <message>
        <source>The key file holds no readable PEM private key.</source>
        <translation>Nøkkelfilen inneholder ingen lesbar privat PEM-nøkkel.</translation>
    </message>
    <message>
        <source>The certificate file holds no PEM or DER certificate.</source>
        <translation>Sertifikatfilen inneholder ikke noe PEM- eller DER-sertifikat.</translation>
    </message>
    <message>
        <source>The private key is encrypted with a passphrase. Decrypt it first (openssl pkey -in key.pem -out plain.pem), or import a PKCS#12 file with its passphrase.</source>
        <translation>Den private nøkkelen er kryptert med en passfrase. Dekrypter den først (openssl pkey -in key.pem -out plain.pem), eller importer en PKCS#12-fil med passfrasen.</translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate (%1). Choose the key file that was created with this certificate.</source>
        <translation>Den private nøkkelen hører ikke til sertifikatet (%1). Velg nøkkelfilen som ble laget sammen med dette sertifikatet.</translation>
    </message>
    <message>
        <source>The private key is neither RSA nor EC; use an RSA or EC key.</source>
        <translation>Den private nøkkelen er verken RSA eller EC; bruk en RSA- eller EC-nøkkel.</translation>
    </message>
    <message>
        <source>Cannot open the PKCS#12 file: the passphrase is wrong, or it is not a PKCS#12 (.p12/.pfx) file with a certificate and its key.</source>
        <translation>Kan ikke åpne PKCS#12-filen: passfrasen er feil, eller det er ikke en PKCS#12-fil (.p12/.pfx) med et sertifikat og nøkkelen.</translation>
    </message>
    <message>
        <source>Choose the private key file of the certificate as well.</source>
        <translation>Velg også sertifikatets private nøkkelfil.</translation>
    </message>
</context>
<context>
    <name>ms::ui::WindowActions</name>
    <message>
        <source>Set up &amp;certificates…</source>
        <translation>Sett opp &amp;sertifikater…</translation>
    </message>
    <message>
        <source>Set up the application key, SuperOffice&apos;s certificates and TLS</source>
        <translation>Sett opp applikasjonsnøkkelen, SuperOffice sine sertifikater og TLS</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>Stop the endpoint and quit</source>
        <translation>Stopp endepunktet og avslutt</translation>
    </message>
    <message>
        <source>&amp;Start endpoint</source>
        <translation>&amp;Start endepunktet</translation>
    </message>
    <message>
        <source>Listen for the Mirroring Task&apos;s calls</source>
        <translation>Lytt etter kall fra Mirroring Task</translation>
    </message>
    <message>
        <source>S&amp;top endpoint</source>
        <translation>S&amp;topp endepunktet</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>Slutt å lytte</translation>
    </message>
    <message>
        <source>&amp;Copy endpoint URL</source>
        <translation>&amp;Kopier endepunktets URL</translation>
    </message>
    <message>
        <source>Copy the URL to register in SuperOffice</source>
        <translation>Kopier URL-en som skal registreres i SuperOffice</translation>
    </message>
    <message>
        <source>Run &amp;demo cycle</source>
        <translation>Kjør &amp;demosyklus</translation>
    </message>
    <message>
        <source>Mirror a generated demo tenant through the running endpoint</source>
        <translation>Speil en generert demotenant gjennom endepunktet som kjører</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Oppdater</translation>
    </message>
    <message>
        <source>Read tenants, tables and the event log again</source>
        <translation>Les tenanter, tabeller og hendelsesloggen på nytt</translation>
    </message>
    <message>
        <source>&amp;Invalidate tables</source>
        <translation>&amp;Ugyldiggjør tabeller</translation>
    </message>
    <message>
        <source>Delete the selected tables&apos; rows and set their LSN to -1</source>
        <translation>Slett radene i de valgte tabellene og sett LSN-en deres til -1</translation>
    </message>
    <message>
        <source>Invalidate &amp;all tables</source>
        <translation>Ugyldiggjør &amp;alle tabeller</translation>
    </message>
    <message>
        <source>Delete every table&apos;s rows and set every LSN to -1</source>
        <translation>Slett radene i alle tabeller og sett hver LSN til -1</translation>
    </message>
    <message>
        <source>Re&amp;populate tables</source>
        <translation>&amp;Fyll tabeller på nytt</translation>
    </message>
    <message>
        <source>Drop the selected tables and their metadata (the hard reset)</source>
        <translation>Slett de valgte tabellene og metadataene deres (den harde tilbakestillingen)</translation>
    </message>
    <message>
        <source>Repopulate a&amp;ll tables</source>
        <translation>Fyll a&amp;lle tabeller på nytt</translation>
    </message>
    <message>
        <source>Drop every table and its metadata (the hard reset)</source>
        <translation>Slett alle tabeller og metadataene deres (den harde tilbakestillingen)</translation>
    </message>
    <message>
        <source>&amp;Pause tenant</source>
        <translation>Sett tenant på &amp;pause</translation>
    </message>
    <message>
        <source>Answer doNotReplicate to the tenant</source>
        <translation>Svar doNotReplicate til tenanten</translation>
    </message>
    <message>
        <source>Res&amp;ume tenant</source>
        <translation>&amp;Gjenoppta tenant</translation>
    </message>
    <message>
        <source>Mirror the tenant again</source>
        <translation>Speil tenanten igjen</translation>
    </message>
    <message>
        <source>&amp;Delete mirror…</source>
        <translation>&amp;Slett speil…</translation>
    </message>
    <message>
        <source>Delete the tenant&apos;s mirror and forget its state</source>
        <translation>Slett speilet til tenanten og glem tilstanden</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>&amp;Eksporter tabell som CSV…</translation>
    </message>
    <message>
        <source>Export the shown rows (order and filters) to a CSV file</source>
        <translation>Eksporter radene som vises (sortering og filtre) til en CSV-fil</translation>
    </message>
    <message>
        <source>&amp;About MirrorScope</source>
        <translation>&amp;Om MirrorScope</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Versjon og lisens</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>Trer i kraft ved neste oppstart</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>&amp;Endepunkt</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Tenant</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Mirror &amp;database…</source>
        <translation>Speil&amp;database…</translation>
    </message>
    <message>
        <source>Choose where the mirrors live: SQLite files or a PostgreSQL server</source>
        <translation>Velg hvor speilene ligger: SQLite-filer eller en PostgreSQL-server</translation>
    </message>
</context>
<context>
    <name>ms::ui::WizardSaver</name>
    <message>
        <source>Cannot store the %1 %2: %3</source>
        <translation>Kan ikke lagre %1 %2: %3</translation>
    </message>
    <message>
        <source>The %1 is stored %2.</source>
        <translation>%1 er lagret %2.</translation>
    </message>
    <message>
        <source>Cannot write the %1 to %2: %3</source>
        <translation>Kan ikke skrive %1 til %2: %3</translation>
    </message>
    <message>
        <source>The %1 is saved in %2.</source>
        <translation>%1 er lagret i %2.</translation>
    </message>
    <message>
        <source>Choose where the private keys are kept.</source>
        <translation>Velg hvor de private nøklene skal oppbevares.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Kan ikke opprette mappen %1.</translation>
    </message>
    <message>
        <source>application private key</source>
        <translation>applikasjonens private nøkkel</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>den private TLS-nøkkelen</translation>
    </message>
    <message>
        <source>SuperOffice certificate</source>
        <translation>SuperOffice-sertifikatet</translation>
    </message>
    <message>
        <source>endpoint&apos;s TLS certificate</source>
        <translation>endepunktets TLS-sertifikat</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Kan ikke skrive innstillingsfilen %1.</translation>
    </message>
    <message>
        <source>The settings are saved in %1.</source>
        <translation>Innstillingene er lagret i %1.</translation>
    </message>
</context>
</TS>
