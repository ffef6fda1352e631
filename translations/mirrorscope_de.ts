<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>EventMessageTranslator</name>
    <message>
        <source>Rejected a token: %1</source>
        <translation>Token abgelehnt: %1</translation>
    </message>
    <message>
        <source>Refused the call: %1</source>
        <translation>Aufruf abgelehnt: %1</translation>
    </message>
    <message>
        <source>Failed to serve the call: %1</source>
        <translation>Der Aufruf konnte nicht bedient werden: %1</translation>
    </message>
    <message>
        <source>The tenant is paused: asked the Mirroring Task to skip this cycle.</source>
        <translation>Der Mandant ist pausiert: Der Mirroring Task wurde gebeten, diesen Zyklus zu überspringen.</translation>
    </message>
    <message numerus="yes">
        <source>Dropped %n table(s) no longer mirrored: %1</source>
        <translation>
            <numerusform>%n nicht mehr gespiegelte Tabelle entfernt: %1</numerusform>
            <numerusform>%n nicht mehr gespiegelte Tabellen entfernt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recreated %n table(s) after an incompatible schema change: %1</source>
        <translation>
            <numerusform>%n Tabelle nach einer inkompatiblen Schemaänderung neu erstellt: %1</numerusform>
            <numerusform>%n Tabellen nach einer inkompatiblen Schemaänderung neu erstellt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %n table(s): %1</source>
        <translation>
            <numerusform>%n Tabelle erstellt: %1</numerusform>
            <numerusform>%n Tabellen erstellt: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added columns to %n table(s): %1</source>
        <translation>
            <numerusform>Spalten zu %n Tabelle hinzugefügt: %1</numerusform>
            <numerusform>Spalten zu %n Tabellen hinzugefügt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Wiped table %1: all rows removed, LSN set to -1</source>
        <translation>Tabelle %1 geleert: alle Zeilen entfernt, LSN auf -1 gesetzt</translation>
    </message>
    <message numerus="yes">
        <source>Cycle completed: %n table(s), %1 row change(s)</source>
        <translation>
            <numerusform>Zyklus abgeschlossen: %n Tabelle, %1 Zeilenänderung(en)</numerusform>
            <numerusform>Zyklus abgeschlossen: %n Tabellen, %1 Zeilenänderung(en)</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalidated %1: rows deleted and LSN set to -1; the next cycle sends everything again</source>
        <translation>%1 invalidiert: Zeilen gelöscht und LSN auf -1 gesetzt; der nächste Zyklus sendet alles erneut</translation>
    </message>
    <message>
        <source>Invalidated all tables: rows deleted and LSN set to -1; the next cycle sends everything again</source>
        <translation>Alle Tabellen invalidiert: Zeilen gelöscht und LSN auf -1 gesetzt; der nächste Zyklus sendet alles erneut</translation>
    </message>
    <message>
        <source>Hard reset of %1: metadata rows deleted and tables dropped; the next cycle recreates and repopulates them</source>
        <translation>Harte Zurücksetzung von %1: Metadatenzeilen gelöscht und Tabellen entfernt; der nächste Zyklus erstellt und befüllt sie neu</translation>
    </message>
    <message>
        <source>Hard reset of all tables: metadata rows deleted and tables dropped; the next cycle recreates and repopulates them</source>
        <translation>Harte Zurücksetzung aller Tabellen: Metadatenzeilen gelöscht und Tabellen entfernt; der nächste Zyklus erstellt und befüllt sie neu</translation>
    </message>
    <message>
        <source>Paused: the Mirroring Task is asked to skip this tenant (doNotReplicate)</source>
        <translation>Angehalten: Der Mirroring Task wird gebeten, diesen Mandanten zu überspringen (doNotReplicate)</translation>
    </message>
    <message>
        <source>Resumed: the next cycle mirrors this tenant again</source>
        <translation>Fortgesetzt: Der nächste Zyklus spiegelt diesen Mandanten wieder</translation>
    </message>
    <message>
        <source>Deleted the mirror of tenant %1; the next cycle starts it anew</source>
        <translation>Spiegelung des Mandanten %1 gelöscht; der nächste Zyklus beginnt sie neu</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Demo cycle started: the demo signing certificate %1 is trusted until it ends</source>
        <translation>Demo-Zyklus gestartet: Dem Signaturzertifikat %1 der Demo wird bis zu seinem Ende vertraut</translation>
    </message>
    <message numerus="yes">
        <source>Demo cycle finished: completed (%Ln row(s) sent)</source>
        <translation>
            <numerusform>Demo-Zyklus beendet: abgeschlossen (%Ln Zeile gesendet)</numerusform>
            <numerusform>Demo-Zyklus beendet: abgeschlossen (%Ln Zeilen gesendet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo cycle finished: skipped, the endpoint answered doNotReplicate (%Ln row(s) sent)</source>
        <translation>
            <numerusform>Demo-Zyklus beendet: übersprungen, der Endpunkt antwortete doNotReplicate (%Ln Zeile gesendet)</numerusform>
            <numerusform>Demo-Zyklus beendet: übersprungen, der Endpunkt antwortete doNotReplicate (%Ln Zeilen gesendet)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo cycle failed: %1 (%Ln row(s) sent)</source>
        <translation>
            <numerusform>Demo-Zyklus fehlgeschlagen: %1 (%Ln Zeile gesendet)</numerusform>
            <numerusform>Demo-Zyklus fehlgeschlagen: %1 (%Ln Zeilen gesendet)</numerusform>
        </translation>
    </message>
    <message>
        <source>The endpoint cannot start: %1</source>
        <translation>Der Endpunkt kann nicht starten: %1</translation>
    </message>
    <message>
        <source>The saved setup could not be loaded; using the demo identity</source>
        <translation>Die gespeicherte Einrichtung konnte nicht geladen werden; die Demo-Identität wird verwendet</translation>
    </message>
    <message>
        <source>Cannot listen on %1</source>
        <translation>Auf %1 kann nicht gelauscht werden</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>ms::CsvExporter</name>
    <message>
        <source>The tenant %1 has no mirror.</source>
        <translation>Der Mandant %1 hat keine Spiegelung.</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>%1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not replace %1.</source>
        <translation>%1 konnte nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation>%1 konnte nicht in %2 umbenannt werden.</translation>
    </message>
</context>
<context>
    <name>ms::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>ms::KeysetSql</name>
    <message>
        <source>The page key does not fit the order.</source>
        <translation>Der Seitenschlüssel passt nicht zur Sortierung.</translation>
    </message>
    <message>
        <source>The table name %1 is not a valid identifier.</source>
        <translation>Der Tabellenname %1 ist kein gültiger Bezeichner.</translation>
    </message>
</context>
<context>
    <name>ms::MirrorReader</name>
    <message>
        <source>%1 is not a valid tenant id.</source>
        <translation>%1 ist keine gültige Mandanten-ID.</translation>
    </message>
    <message>
        <source>The tenant %1 has no mirror.</source>
        <translation>Der Mandant %1 hat keine Spiegelung.</translation>
    </message>
    <message>
        <source>Could not prepare the query: %1</source>
        <translation>Die Abfrage konnte nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Could not read the mirror: %1</source>
        <translation>Die Spiegelung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading the mirror stopped: %1</source>
        <translation>Das Lesen der Spiegelung wurde abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>ms::QueryResultModel</name>
    <message>
        <source>The query was canceled.</source>
        <translation>Die Abfrage wurde abgebrochen.</translation>
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
        <translation>Das Fenster kann Spiegelungen über den Treiber %1 noch nicht lesen.</translation>
    </message>
    <message>
        <source>Could not open the mirror %1: %2</source>
        <translation>Die Spiegelung %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>the file is gone</source>
        <translation>die Datei existiert nicht mehr</translation>
    </message>
    <message>
        <source>The mirror schema %1 is not a valid name.</source>
        <translation>Das Spiegelungsschema %1 ist kein gültiger Name.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed.</source>
        <translation>Der PostgreSQL-Treiber von Qt (QPSQL) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Could not connect to the PostgreSQL mirror %1: %2</source>
        <translation>Keine Verbindung zur PostgreSQL-Spiegelung %1: %2</translation>
    </message>
    <message>
        <source>Qt&apos;s ODBC driver (QODBC) is not installed.</source>
        <translation>Der ODBC-Treiber von Qt (QODBC) ist nicht installiert.</translation>
    </message>
    <message>
        <source>Could not connect to the SQL Server mirror %1: %2</source>
        <translation>Keine Verbindung zur SQL-Server-Spiegelung %1: %2</translation>
    </message>
    <message>
        <source>Could not start the query&apos;s transaction: %1</source>
        <translation>Die Transaktion der Abfrage konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>ms::SelfTest</name>
    <message>
        <source>No answer from %1 within %2 seconds.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 Sekunden.</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1 instead of 200.</source>
        <translation>Der Endpunkt antwortete mit HTTP %1 statt 200.</translation>
    </message>
    <message>
        <source>The endpoint answered with a SOAP fault: %1</source>
        <translation>Der Endpunkt antwortete mit einem SOAP-Fehler: %1</translation>
    </message>
    <message>
        <source>The answer is not an Authenticate response: %1</source>
        <translation>Die Antwort ist keine Authenticate-Antwort: %1</translation>
    </message>
    <message>
        <source>The endpoint refused the test token: %1</source>
        <translation>Der Endpunkt hat das Test-Token abgelehnt: %1</translation>
    </message>
    <message>
        <source>The endpoint accepted a token signed by the test signing certificate.</source>
        <translation>Der Endpunkt hat ein mit dem Test-Signaturzertifikat signiertes Token angenommen.</translation>
    </message>
    <message>
        <source>Endpoint started</source>
        <translation>Endpunkt gestartet</translation>
    </message>
    <message>
        <source>TLS handshake with the chosen certificate</source>
        <translation>TLS-Handshake mit dem gewählten Zertifikat</translation>
    </message>
    <message>
        <source>Test token accepted (Authenticate)</source>
        <translation>Test-Token angenommen (Authenticate)</translation>
    </message>
    <message>
        <source>Application token verified with the public key</source>
        <translation>Anwendungstoken mit dem öffentlichen Schlüssel geprüft</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>Ein temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>No application key is set.</source>
        <translation>Es ist kein Anwendungsschlüssel festgelegt.</translation>
    </message>
    <message>
        <source>The endpoint could not listen: %1</source>
        <translation>Der Endpunkt konnte nicht lauschen: %1</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Lauscht auf %1</translation>
    </message>
    <message>
        <source>Cannot make a test token: %1</source>
        <translation>Das Test-Token kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>No TLS connection: %1</source>
        <translation>Keine TLS-Verbindung: %1</translation>
    </message>
    <message>
        <source>The endpoint presented another certificate than the chosen one.</source>
        <translation>Der Endpunkt hat ein anderes als das gewählte Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>The endpoint presented the chosen certificate (SHA-256 %1).</source>
        <translation>Der Endpunkt hat das gewählte Zertifikat vorgelegt (SHA-256 %1).</translation>
    </message>
    <message>
        <source>The call did not get through: %1</source>
        <translation>Der Aufruf ist nicht durchgekommen: %1</translation>
    </message>
    <message>
        <source>The SignedApplicationToken echoes the nonce and its signature verifies with the application&apos;s public key.</source>
        <translation>Das SignedApplicationToken wiederholt die Nonce, und seine Signatur ist mit dem öffentlichen Schlüssel der Anwendung gültig.</translation>
    </message>
</context>
<context>
    <name>ms::TableContentsModel</name>
    <message numerus="yes">
        <source>&lt;%n bytes&gt;</source>
        <translation>
            <numerusform>&lt;%n Byte&gt;</numerusform>
            <numerusform>&lt;%n Bytes&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message numerus="yes">
        <source>%n bytes</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>(primary key)</source>
        <translation>(Primärschlüssel)</translation>
    </message>
</context>
<context>
    <name>ms::TableListModel</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>LSN</source>
        <translation>LSN</translation>
    </message>
    <message>
        <source>Schema hash</source>
        <translation>Schema-Hash</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Inserted</source>
        <translation>Eingefügt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
</context>
<context>
    <name>ms::TenantListModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keiner</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last cycle</source>
        <translation>Letzter Zyklus</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>never completed</source>
        <translation>nie abgeschlossen</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>empfängt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
</context>
<context>
    <name>ms::ui::AdminActions</name>
    <message>
        <source>Invalidate</source>
        <translation>Invalidieren</translation>
    </message>
    <message>
        <source>Repopulate</source>
        <translation>Neu befüllen</translation>
    </message>
    <message>
        <source>Pause tenant</source>
        <translation>Mandanten pausieren</translation>
    </message>
    <message>
        <source>Resume tenant</source>
        <translation>Mandanten fortsetzen</translation>
    </message>
    <message>
        <source>Delete mirror</source>
        <translation>Spiegelung löschen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Deletes all rows of every table of %1 and sets every LSN to -1 in %2. The next cycle sends every row again.</source>
        <translation>Löscht alle Zeilen aller Tabellen von %1 und setzt jede LSN in %2 auf -1. Der nächste Zyklus sendet alle Zeilen erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Deletes all rows of %1 and sets its LSN to -1 in %2. The next cycle sends every row again.</source>
        <translation>
            <numerusform>Löscht alle Zeilen von %1 und setzt ihre LSN in %2 auf -1. Der nächste Zyklus sendet alle Zeilen erneut.</numerusform>
            <numerusform>Löscht alle Zeilen von %1 und setzt deren LSNs in %2 auf -1. Der nächste Zyklus sendet alle Zeilen erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Drops every table of %1 and deletes their rows in %2 (the documented hard reset). The next cycle creates the tables again and sends every row.</source>
        <translation>Entfernt alle Tabellen von %1 und deren Zeilen in %2 (das dokumentierte harte Zurücksetzen). Der nächste Zyklus legt die Tabellen neu an und sendet alle Zeilen.</translation>
    </message>
    <message numerus="yes">
        <source>Drops %1 and deletes its row in %2 (the documented hard reset). The next cycle creates it again and sends every row.</source>
        <translation>
            <numerusform>Entfernt %1 und ihre Zeile in %2 (das dokumentierte harte Zurücksetzen). Der nächste Zyklus legt sie neu an und sendet alle Zeilen.</numerusform>
            <numerusform>Entfernt %1 und deren Zeilen in %2 (das dokumentierte harte Zurücksetzen). Der nächste Zyklus legt sie neu an und sendet alle Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is answered doNotReplicate from its next Authenticate on: the Mirroring Task skips it until you resume it. The mirror is kept as it is.</source>
        <translation>%1 erhält ab dem nächsten Authenticate die Antwort doNotReplicate: Der Mirroring Task überspringt ihn, bis Sie ihn fortsetzen. Die Spiegelung bleibt unverändert.</translation>
    </message>
    <message>
        <source>%1 is mirrored again from its next cycle on.</source>
        <translation>%1 wird ab dem nächsten Zyklus wieder gespiegelt.</translation>
    </message>
    <message>
        <source>Deletes the mirror of %1 (all its tables and %2) and forgets its state. Its events stay in the log. If the Mirroring Task calls again, it starts over with every row.</source>
        <translation>Löscht die Spiegelung von %1 (alle Tabellen und %2) und vergisst ihren Zustand. Die Ereignisse bleiben im Protokoll. Ruft der Mirroring Task erneut an, beginnt er von vorn mit allen Zeilen.</translation>
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
        <translation>Das Datenverzeichnis %1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>ms::ui::ApplicationKeyCheck</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a key file.</source>
        <translation>%1 ist zu groß für eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>No application key is loaded.</source>
        <translation>Es ist kein Anwendungsschlüssel geladen.</translation>
    </message>
    <message>
        <source>A signature made with this key does not verify with its own public key: the key is damaged. Import it again.</source>
        <translation>Eine mit diesem Schlüssel erstellte Signatur lässt sich mit dem eigenen öffentlichen Schlüssel nicht prüfen: Der Schlüssel ist beschädigt. Importieren Sie ihn erneut.</translation>
    </message>
    <message>
        <source>The key signs and verifies, but has only %1 bits; SuperOffice issues 2048-bit keys.</source>
        <translation>Der Schlüssel signiert und prüft, hat aber nur %1 Bit; SuperOffice stellt 2048-Bit-Schlüssel aus.</translation>
    </message>
    <message>
        <source>The %1-bit key signs, and its public key verifies the signature.</source>
        <translation>Der %1-Bit-Schlüssel signiert, und sein öffentlicher Schlüssel bestätigt die Signatur.</translation>
    </message>
    <message>
        <source>Both the private key and the registered public key are needed.</source>
        <translation>Sowohl der private als auch der registrierte öffentliche Schlüssel werden benötigt.</translation>
    </message>
    <message>
        <source>The private key matches the registered public key.</source>
        <translation>Der private Schlüssel passt zum registrierten öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <source>This private key does not belong to the registered public key (fingerprint %1; the private key&apos;s is %2). SuperOffice would reject every answer of the endpoint: import the private key issued with that public key, or register this key&apos;s public key in the developer portal.</source>
        <translation>Dieser private Schlüssel gehört nicht zum registrierten öffentlichen Schlüssel (Fingerabdruck %1; der des privaten Schlüssels ist %2). SuperOffice würde jede Antwort des Endpunkts ablehnen: Importieren Sie den privaten Schlüssel, der mit diesem öffentlichen Schlüssel ausgestellt wurde, oder registrieren Sie den öffentlichen Schlüssel dieses Schlüssels im Entwicklerportal.</translation>
    </message>
</context>
<context>
    <name>ms::ui::ApplicationKeyPage</name>
    <message>
        <source>&amp;Import the private key SuperOffice issued (RSA XML or PEM)</source>
        <translation>Den von SuperOffice ausgestellten privaten Schlüssel &amp;importieren (RSA-XML oder PEM)</translation>
    </message>
    <message>
        <source>&amp;Generate a new 2048-bit key pair</source>
        <translation>Ein neues 2048-Bit-Schlüsselpaar &amp;erzeugen</translation>
    </message>
    <message>
        <source>Application private key</source>
        <translation>Privater Anwendungsschlüssel</translation>
    </message>
    <message>
        <source>Keys (*.xml *.pem *.key);;All files (*)</source>
        <translation>Schlüssel (*.xml *.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Registered public key</source>
        <translation>Registrierter öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Keys (*.xml *.pem *.crt);;All files (*)</source>
        <translation>Schlüssel (*.xml *.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Application key</source>
        <translation>Anwendungsschlüssel</translation>
    </message>
    <message>
        <source>The endpoint proves to SuperOffice that it speaks for your application by signing with the application&apos;s private key.</source>
        <translation>Der Endpunkt weist gegenüber SuperOffice nach, dass er für Ihre Anwendung spricht, indem er mit dem privaten Schlüssel der Anwendung signiert.</translation>
    </message>
    <message>
        <source>The public key appears here as RSA XML.</source>
        <translation>Der öffentliche Schlüssel erscheint hier als RSA-XML.</translation>
    </message>
    <message>
        <source>Registered public key (optional):</source>
        <translation>Registrierter öffentlicher Schlüssel (optional):</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>Öffentlichen Schlüssel speichern</translation>
    </message>
    <message>
        <source>RSA XML (*.xml);;PEM (*.pem)</source>
        <translation>RSA-XML (*.xml);;PEM (*.pem)</translation>
    </message>
    <message>
        <source>Generating a 2048-bit RSA key pair…</source>
        <translation>Ein 2048-Bit-RSA-Schlüsselpaar wird erzeugt…</translation>
    </message>
    <message>
        <source>Register the public key below for your application in the developer portal.</source>
        <translation>Registrieren Sie den öffentlichen Schlüssel unten für Ihre Anwendung im Entwicklerportal.</translation>
    </message>
    <message>
        <source>Cannot save the public key to %1: %2</source>
        <translation>Der öffentliche Schlüssel kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The public key is saved in %1.</source>
        <translation>Der öffentliche Schlüssel ist in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Loaded; it is compared with the private key once that is there.</source>
        <translation>Geladen; er wird mit dem privaten Schlüssel verglichen, sobald dieser vorliegt.</translation>
    </message>
    <message>
        <source>Public key, to register for your application in the developer portal (RSA XML):</source>
        <translation>Öffentlicher Schlüssel, der für Ihre Anwendung im Entwicklerportal registriert wird (RSA-XML):</translation>
    </message>
</context>
<context>
    <name>ms::ui::CertificateCheck</name>
    <message>
        <source>No certificate is loaded.</source>
        <translation>Es ist kein Zertifikat geladen.</translation>
    </message>
    <message>
        <source>This certificate expired on %1. Tokens signed by SuperOffice today cannot be checked with it: download the current certificate of %2.</source>
        <translation>Dieses Zertifikat ist am %1 abgelaufen. Heute von SuperOffice signierte Token lassen sich damit nicht prüfen: Laden Sie das aktuelle Zertifikat von %2 herunter.</translation>
    </message>
    <message>
        <source>This certificate is valid only from %1; check the computer&apos;s clock or use the current certificate.</source>
        <translation>Dieses Zertifikat ist erst ab %1 gültig; prüfen Sie die Uhr des Rechners oder verwenden Sie das aktuelle Zertifikat.</translation>
    </message>
    <message>
        <source>This is SuperOffice&apos;s known certificate for %1.</source>
        <translation>Dies ist das bekannte Zertifikat von SuperOffice für %1.</translation>
    </message>
    <message>
        <source>This is SuperOffice&apos;s certificate for %1, but you chose %2 on the first page: tokens from %2 will be refused. Go back and change the environment, or import the certificate of %2.</source>
        <translation>Dies ist das Zertifikat von SuperOffice für %1, auf der ersten Seite haben Sie aber %2 gewählt: Token von %2 werden abgelehnt. Gehen Sie zurück und ändern Sie die Umgebung, oder importieren Sie das Zertifikat von %2.</translation>
    </message>
    <message>
        <source>The thumbprint %1 is not the known one of %2 (%3). Use this certificate only if SuperOffice announced a new one.</source>
        <translation>Der Fingerabdruck %1 ist nicht der bekannte von %2 (%3). Verwenden Sie dieses Zertifikat nur, wenn SuperOffice ein neues angekündigt hat.</translation>
    </message>
    <message>
        <source>Enter the application id (client_id).</source>
        <translation>Geben Sie die Anwendungs-ID (client_id) ein.</translation>
    </message>
    <message>
        <source>The application id has no spaces; copy it again from the developer portal.</source>
        <translation>Die Anwendungs-ID enthält keine Leerzeichen; kopieren Sie sie erneut aus dem Entwicklerportal.</translation>
    </message>
</context>
<context>
    <name>ms::ui::DatabaseDialog</name>
    <message>
        <source>Embedded SQLite files in the data directory</source>
        <translation>Eingebettete SQLite-Dateien im Datenverzeichnis</translation>
    </message>
    <message>
        <source>A PostgreSQL server</source>
        <translation>Ein PostgreSQL-Server</translation>
    </message>
    <message>
        <source>Mirror database</source>
        <translation>Spiegelungsdatenbank</translation>
    </message>
    <message>
        <source>(kept in the keychain; type to replace)</source>
        <translation>(im Schlüsselbund gespeichert; zum Ersetzen eingeben)</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Type the PostgreSQL server&apos;s URL.</source>
        <translation>Geben Sie die URL des PostgreSQL-Servers ein.</translation>
    </message>
    <message>
        <source>A SQL Server (experimental: not yet tested against a real server)</source>
        <translation>Ein SQL Server (experimentell: noch nicht mit einem echten Server getestet)</translation>
    </message>
    <message>
        <source>(none, or PGPASSWORD and ~/.pgpass for PostgreSQL)</source>
        <translation>(keines, oder PGPASSWORD und ~/.pgpass bei PostgreSQL)</translation>
    </message>
    <message>
        <source>Where the endpoint writes the mirrors and the window reads them. Each tenant gets a schema Mirror_&lt;tenant&gt; in the PostgreSQL database, or a database Mirror_&lt;tenant&gt; on the SQL Server. The password is kept in the system keychain, never in the settings file. The change takes effect at the next start.</source>
        <translation>Wohin der Endpunkt die Spiegelungen schreibt und woher das Fenster sie liest. Jeder Mandant erhält ein Schema Mirror_&lt;Mandant&gt; in der PostgreSQL-Datenbank oder eine Datenbank Mirror_&lt;Mandant&gt; auf dem SQL Server. Das Passwort wird im Schlüsselbund des Systems gespeichert, nie in der Einstellungsdatei. Die Änderung wirkt beim nächsten Start.</translation>
    </message>
    <message>
        <source>Type the SQL Server&apos;s URL.</source>
        <translation>Geben Sie die URL des SQL Servers ein.</translation>
    </message>
    <message>
        <source>This is a SQL Server URL; a PostgreSQL URL starts with postgresql://.</source>
        <translation>Das ist eine SQL-Server-URL; eine PostgreSQL-URL beginnt mit postgresql://.</translation>
    </message>
    <message>
        <source>This is a PostgreSQL URL; a SQL Server URL starts with mssql://.</source>
        <translation>Das ist eine PostgreSQL-URL; eine SQL-Server-URL beginnt mit mssql://.</translation>
    </message>
</context>
<context>
    <name>ms::ui::DatabaseSetting</name>
    <message>
        <source>The database password could not be read from the keychain: %1</source>
        <translation>Das Datenbankpasswort konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The saved database setting is not usable (%1); the window uses the embedded SQLite files instead.</source>
        <translation>Die gespeicherte Datenbankeinstellung ist nicht verwendbar (%1); das Fenster verwendet stattdessen die eingebetteten SQLite-Dateien.</translation>
    </message>
    <message>
        <source>The keychain did not take the password: %1</source>
        <translation>Der Schlüsselbund hat das Passwort nicht angenommen: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::DemoCycle</name>
    <message>
        <source>Creating the demo source…</source>
        <translation>Die Demo-Quelle wird angelegt…</translation>
    </message>
    <message>
        <source>Demo cycle: %1, %2 rows sent</source>
        <translation>Demo-Zyklus: %1, %2 Zeilen gesendet</translation>
    </message>
    <message>
        <source>Preparing the demo cycle…</source>
        <translation>Der Demo-Zyklus wird vorbereitet…</translation>
    </message>
</context>
<context>
    <name>ms::ui::EndpointController</name>
    <message>
        <source>cannot listen on %1</source>
        <translation>auf %1 kann nicht gelauscht werden</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>ms::ui::EndpointStatusBar</name>
    <message>
        <source>The URL to register as the Mirroring Task&apos;s endpoint</source>
        <translation>Die URL, die als Endpunkt des Mirroring Task registriert wird</translation>
    </message>
    <message>
        <source>Copy the endpoint URL</source>
        <translation>Endpunkt-URL kopieren</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Listening (demo identity)</source>
        <translation>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Lauscht (Demo-Identität)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Listening</source>
        <translation>&lt;span style=&apos;color:#27ae60&apos;&gt;●&lt;/span&gt; Lauscht</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c0392b&apos;&gt;●&lt;/span&gt; Error: %1</source>
        <translation>&lt;span style=&apos;color:#c0392b&apos;&gt;●&lt;/span&gt; Fehler: %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#7f8c8d&apos;&gt;●&lt;/span&gt; Stopped</source>
        <translation>&lt;span style=&apos;color:#7f8c8d&apos;&gt;●&lt;/span&gt; Gestoppt</translation>
    </message>
    <message>
        <source>not listening</source>
        <translation>lauscht nicht</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) served</source>
        <translation>
            <numerusform>%n Aufruf bedient</numerusform>
            <numerusform>%n Aufrufe bedient</numerusform>
        </translation>
    </message>
    <message>
        <source>Last call: none</source>
        <translation>Letzter Aufruf: keiner</translation>
    </message>
    <message>
        <source>unreadable request</source>
        <translation>unlesbare Anfrage</translation>
    </message>
    <message>
        <source>Last call: %1 %2 %3</source>
        <translation>Letzter Aufruf: %1 %2 %3</translation>
    </message>
    <message>
        <source>Last call: %1 %2 %3 failed</source>
        <translation>Letzter Aufruf: %1 %2 %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
</context>
<context>
    <name>ms::ui::EndpointTlsPage</name>
    <message>
        <source>&amp;Plain HTTP (behind a tunnel or a reverse proxy that adds TLS)</source>
        <translation>&amp;Reines HTTP (hinter einem Tunnel oder Reverse Proxy, der TLS hinzufügt)</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed certificate</source>
        <translation>Ein selbstsigniertes Zertifikat &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Import a certificate (PEM with its key, or PKCS#12)</source>
        <translation>Ein Zertifikat &amp;importieren (PEM mit Schlüssel oder PKCS#12)</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>Privater TLS-Schlüssel</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>TLS key &amp;file (0600):</source>
        <translation>TLS-Schlüssel&amp;datei (0600):</translation>
    </message>
    <message>
        <source>TLS key file</source>
        <translation>TLS-Schlüsseldatei</translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM-Dateien (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Endpoint address and TLS</source>
        <translation>Adresse und TLS des Endpunkts</translation>
    </message>
    <message>
        <source>Where the endpoint listens, and whether it serves HTTPS itself. SuperOffice calls an https URL; TLS may also come from a tunnel or reverse proxy.</source>
        <translation>Wo der Endpunkt lauscht und ob er selbst HTTPS anbietet. SuperOffice ruft eine https-URL auf; TLS kann auch von einem Tunnel oder Reverse Proxy kommen.</translation>
    </message>
    <message>
        <source>only for PKCS#12</source>
        <translation>nur für PKCS#12</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>For “%1” and localhost, 127.0.0.1 and ::1 (subject alternative names), valid for 825 days. The task must be told to trust it.</source>
        <translation>Für „%1“ sowie localhost, 127.0.0.1 und ::1 (alternative Antragstellernamen), 825 Tage gültig. Dem Task muss gesagt werden, dass er ihm vertraut.</translation>
    </message>
    <message>
        <source>The certificate and its private key belong together.</source>
        <translation>Das Zertifikat und sein privater Schlüssel gehören zusammen.</translation>
    </message>
    <message>
        <source>A new key and self-signed certificate are ready.</source>
        <translation>Ein neuer Schlüssel und ein selbstsigniertes Zertifikat sind bereit.</translation>
    </message>
    <message>
        <source>Generating a key and a self-signed certificate…</source>
        <translation>Ein Schlüssel und ein selbstsigniertes Zertifikat werden erzeugt…</translation>
    </message>
</context>
<context>
    <name>ms::ui::Environment</name>
    <message>
        <source>SOD (development)</source>
        <translation>SOD (Entwicklung)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
</context>
<context>
    <name>ms::ui::EnvironmentPage</name>
    <message>
        <source>Environment and application</source>
        <translation>Umgebung und Anwendung</translation>
    </message>
    <message>
        <source>Which SuperOffice environment sends the mirroring calls, and which application they are for.</source>
        <translation>Welche SuperOffice-Umgebung die Spiegelungsaufrufe sendet und für welche Anwendung sie bestimmt sind.</translation>
    </message>
    <message>
        <source>The application id (client_id) is on your application&apos;s page in the SuperOffice developer portal (dev.superoffice.com, My apps).</source>
        <translation>Die Anwendungs-ID (client_id) steht auf der Seite Ihrer Anwendung im SuperOffice-Entwicklerportal (dev.superoffice.com, My apps).</translation>
    </message>
    <message>
        <source>e.g. 0123456789abcdef0123456789abcdef</source>
        <translation>z. B. 0123456789abcdef0123456789abcdef</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>&amp;Application id:</source>
        <translation>&amp;Anwendungs-ID:</translation>
    </message>
</context>
<context>
    <name>ms::ui::EventLogPane</name>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Search messages and details</source>
        <translation>In Meldungen und Details suchen</translation>
    </message>
    <message>
        <source>Select an event to see its details</source>
        <translation>Wählen Sie ein Ereignis, um seine Details zu sehen</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <source>%1  %2  %3
Tenant: %4
Operation: %5

%6</source>
        <translation>%1  %2  %3
Mandant: %4
Vorgang: %5

%6</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>ms::ui::FilePathEdit</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
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
        <translation>Zeilen, deren Wert diesen Text enthält; „=Text“ für eine genaue Übereinstimmung</translation>
    </message>
</context>
<context>
    <name>ms::ui::KeyStorageChooser</name>
    <message>
        <source>Where to keep the private keys</source>
        <translation>Wo die privaten Schlüssel aufbewahrt werden</translation>
    </message>
    <message>
        <source>In the OS &amp;keychain (recommended)</source>
        <translation>Im &amp;Schlüsselbund des Betriebssystems (empfohlen)</translation>
    </message>
    <message>
        <source>In a key &amp;file I choose (readable only by me, permissions 0600)</source>
        <translation>In einer Schlüssel&amp;datei meiner Wahl (nur für mich lesbar, Rechte 0600)</translation>
    </message>
    <message>
        <source>Application key file</source>
        <translation>Anwendungsschlüsseldatei</translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM-Dateien (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Ask the keychain again</source>
        <translation>Schlüsselbund erneut fragen</translation>
    </message>
    <message>
        <source>Asking the OS keychain whether it answers…</source>
        <translation>Es wird geprüft, ob der Schlüsselbund des Betriebssystems antwortet…</translation>
    </message>
    <message>
        <source>The OS keychain answers.</source>
        <translation>Der Schlüsselbund des Betriebssystems antwortet.</translation>
    </message>
    <message>
        <source>No keychain service answered (%1). MirrorScope keeps private keys only in the OS keychain, or in a file you choose. Start a keychain service (GNOME Keyring, KWallet) and ask again, or choose a key file.</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (%1). MirrorScope bewahrt private Schlüssel nur im Schlüsselbund des Betriebssystems oder in einer Datei Ihrer Wahl auf. Starten Sie einen Schlüsselbunddienst (GNOME Keyring, KWallet) und fragen Sie erneut, oder wählen Sie eine Schlüsseldatei.</translation>
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
        <translation>Tabelleninhalt</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>The endpoint cannot start: %1</source>
        <translation>Der Endpunkt kann nicht starten: %1</translation>
    </message>
    <message>
        <source>Run demo cycle</source>
        <translation>Demo-Zyklus ausführen</translation>
    </message>
    <message>
        <source>The endpoint is not running: %1</source>
        <translation>Der Endpunkt läuft nicht: %1</translation>
    </message>
    <message>
        <source>%1 of %2…</source>
        <translation>%1 von %2…</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 erledigt</translation>
    </message>
    <message>
        <source>About MirrorScope</source>
        <translation>Über MirrorScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MirrorScope %1&lt;/h3&gt;&lt;p&gt;A local endpoint for SuperOffice&apos;s Database Mirroring, with a window that shows what it receives.&lt;/p&gt;&lt;p&gt;Data directory: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MirrorScope %1&lt;/h3&gt;&lt;p&gt;Ein lokaler Endpunkt für SuperOffice Database Mirroring, mit einem Fenster, das zeigt, was er empfängt.&lt;/p&gt;&lt;p&gt;Datenverzeichnis: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Die Sprache ändert sich beim nächsten Start.</translation>
    </message>
    <message>
        <source>The mirror database changes at the next start.</source>
        <translation>Die Spiegelungsdatenbank ändert sich beim nächsten Start.</translation>
    </message>
    <message>
        <source>The mirror database cannot be read: %1</source>
        <translation>Die Spiegelungsdatenbank kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::QueryPane</name>
    <message>
        <source>Run Query</source>
        <translation>Abfrage ausführen</translation>
    </message>
    <message>
        <source>Run the query on a read-only connection (Ctrl+Enter)</source>
        <translation>Die Abfrage über eine schreibgeschützte Verbindung ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>select * from contact</source>
        <translation>select * from contact</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>The most rows the query shows</source>
        <translation>Die meisten Zeilen, die die Abfrage zeigt</translation>
    </message>
    <message>
        <source>Row limit:</source>
        <translation>Zeilenlimit:</translation>
    </message>
    <message>
        <source>Select a tenant to query its mirror</source>
        <translation>Wählen Sie einen Mandanten, um seine Spiegelung abzufragen</translation>
    </message>
    <message>
        <source>Read-only connection to the mirror of %1</source>
        <translation>Schreibgeschützte Verbindung zur Spiegelung von %1</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Failed after %1 ms</source>
        <translation>Fehlgeschlagen nach %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>First %n row(s) (the row limit) in %1 ms</source>
        <translation>
            <numerusform>Erste %n Zeile (das Zeilenlimit) in %1 ms</numerusform>
            <numerusform>Erste %n Zeilen (das Zeilenlimit) in %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in %1 ms</source>
        <translation>
            <numerusform>%n Zeile in %1 ms</numerusform>
            <numerusform>%n Zeilen in %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::ui::SelfTestPage</name>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Selbsttest</translation>
    </message>
    <message>
        <source>The endpoint starts with these settings on 127.0.0.1, and a test signing key, trusted for this test only, plays SuperOffice in an Authenticate round trip.</source>
        <translation>Der Endpunkt startet mit diesen Einstellungen auf 127.0.0.1, und ein Test-Signaturschlüssel, dem nur für diesen Test vertraut wird, spielt SuperOffice in einem Authenticate-Durchlauf.</translation>
    </message>
    <message>
        <source>Running the self-test…</source>
        <translation>Der Selbsttest läuft…</translation>
    </message>
    <message>
        <source>The self-test passed.</source>
        <translation>Der Selbsttest war erfolgreich.</translation>
    </message>
    <message>
        <source>The self-test failed at the red step. Go back and change what it names, then run it again.</source>
        <translation>Der Selbsttest ist beim roten Schritt fehlgeschlagen. Gehen Sie zurück, ändern Sie, was er nennt, und führen Sie ihn erneut aus.</translation>
    </message>
</context>
<context>
    <name>ms::ui::SetupWizard</name>
    <message>
        <source>Set up certificates</source>
        <translation>Zertifikate einrichten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>ms::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Application id</source>
        <translation>Anwendungs-ID</translation>
    </message>
    <message>
        <source>in the OS keychain</source>
        <translation>im Schlüsselbund des Betriebssystems</translation>
    </message>
    <message>
        <source>in the file %1 (0600)</source>
        <translation>in der Datei %1 (0600)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS-Zertifikat</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>TLS key kept</source>
        <translation>TLS-Schlüssel aufbewahrt</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Selbsttest</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save stores these settings. Private keys go only where it says; the settings keep references and fingerprints.</source>
        <translation>Speichern legt diese Einstellungen ab. Private Schlüssel landen nur dort, wo es angegeben ist; die Einstellungen enthalten Verweise und Fingerabdrücke.</translation>
    </message>
    <message>
        <source>SuperOffice certificate (SHA-1)</source>
        <translation>SuperOffice-Zertifikat (SHA-1)</translation>
    </message>
    <message>
        <source>Application key (SHA-256)</source>
        <translation>Anwendungsschlüssel (SHA-256)</translation>
    </message>
    <message>
        <source>Private key kept</source>
        <translation>Privater Schlüssel aufbewahrt</translation>
    </message>
</context>
<context>
    <name>ms::ui::SuperOfficeCertificatePage</name>
    <message>
        <source>SuperOffice certificate</source>
        <translation>SuperOffice-Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.cer *.pem *.der);;All files (*)</source>
        <translation>Zertifikate (*.crt *.cer *.pem *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>Zertifikats&amp;datei:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Antragsteller:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>SHA-1 thumbprint:</source>
        <translation>SHA-1-Fingerabdruck:</translation>
    </message>
    <message>
        <source>The certificate SuperOffice signs the tokens of %1 with (a .crt, .cer or .pem file, PEM or DER). Its SHA-1 thumbprint should be %2.</source>
        <translation>Das Zertifikat, mit dem SuperOffice die Token von %1 signiert (eine .crt-, .cer- oder .pem-Datei, PEM oder DER). Sein SHA-1-Fingerabdruck sollte %2 sein.</translation>
    </message>
    <message>
        <source>%1 to %2 (UTC)</source>
        <translation>%1 bis %2 (UTC)</translation>
    </message>
</context>
<context>
    <name>ms::ui::TableContentsPane</name>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected cells with their column names (Ctrl+C)</source>
        <translation>Die ausgewählten Zellen mit ihren Spaltennamen kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Copy cells with headers</source>
        <translation>Zellen mit Überschriften kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; in %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Table contents&lt;/b&gt; — select a table</source>
        <translation>&lt;b&gt;Tabelleninhalt&lt;/b&gt; — wählen Sie eine Tabelle</translation>
    </message>
    <message>
        <source>Counting rows…</source>
        <translation>Zeilen werden gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source> (filtered)</source>
        <translation> (gefiltert)</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>%1 als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Exporting %1… %2 rows written</source>
        <translation>%1 wird exportiert… %2 Zeilen geschrieben</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::TablesPane</name>
    <message>
        <source>Filter tables by name</source>
        <translation>Tabellen nach Namen filtern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tables&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tabellen&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Tables of %1&lt;/b&gt; (%n table(s))</source>
        <translation>
            <numerusform>&lt;b&gt;Tabellen von %1&lt;/b&gt; (%n Tabelle)</numerusform>
            <numerusform>&lt;b&gt;Tabellen von %1&lt;/b&gt; (%n Tabellen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ms::ui::TenantsPane</name>
    <message>
        <source>&lt;b&gt;Tenants&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mandanten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The mirrors cannot be read: %1</source>
        <translation>Die Spiegelungen können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>ms::ui::ThroughputChart</name>
    <message>
        <source>Rows received per second over the last two minutes</source>
        <translation>Empfangene Zeilen pro Sekunde in den letzten zwei Minuten</translation>
    </message>
    <message>
        <source>peak %1 rows/s</source>
        <translation>Spitze %1 Zeilen/s</translation>
    </message>
    <message>
        <source>no rows in 2 min</source>
        <translation>keine Zeilen in 2 min</translation>
    </message>
</context>
<context>
    <name>ms::ui::TlsMaterial</name>
    <message>
        <source>The TLS certificate or its key is missing.</source>
        <translation>Das TLS-Zertifikat oder sein Schlüssel fehlt.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a certificate or key file.</source>
        <translation>%1 ist zu groß für eine Zertifikats- oder Schlüsseldatei.</translation>
    </message>
    <message>
        <source>The key file holds no readable PEM private key.</source>
        <translation>Die Schlüsseldatei enthält keinen lesbaren privaten PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>The certificate file holds no PEM or DER certificate.</source>
        <translation>Die Zertifikatsdatei enthält kein PEM- oder DER-Zertifikat.</translation>
    </message>
    <message>
        <source>The private key is encrypted with a passphrase. Decrypt it first (openssl pkey -in key.pem -out plain.pem), or import a PKCS#12 file with its passphrase.</source>
        <translation>Der private Schlüssel ist mit einer Passphrase verschlüsselt. Entschlüsseln Sie ihn zuerst (openssl pkey -in key.pem -out plain.pem) oder importieren Sie eine PKCS#12-Datei mit ihrer Passphrase.</translation>
    </message>
    <message>
        <source>The private key does not belong to the certificate (%1). Choose the key file that was created with this certificate.</source>
        <translation>Der private Schlüssel gehört nicht zum Zertifikat (%1). Wählen Sie die Schlüsseldatei, die mit diesem Zertifikat erstellt wurde.</translation>
    </message>
    <message>
        <source>The private key is neither RSA nor EC; use an RSA or EC key.</source>
        <translation>Der private Schlüssel ist weder RSA noch EC; verwenden Sie einen RSA- oder EC-Schlüssel.</translation>
    </message>
    <message>
        <source>Cannot open the PKCS#12 file: the passphrase is wrong, or it is not a PKCS#12 (.p12/.pfx) file with a certificate and its key.</source>
        <translation>Die PKCS#12-Datei lässt sich nicht öffnen: Die Passphrase ist falsch, oder es ist keine PKCS#12-Datei (.p12/.pfx) mit einem Zertifikat und seinem Schlüssel.</translation>
    </message>
    <message>
        <source>Choose the private key file of the certificate as well.</source>
        <translation>Wählen Sie auch die private Schlüsseldatei des Zertifikats.</translation>
    </message>
</context>
<context>
    <name>ms::ui::WindowActions</name>
    <message>
        <source>Set up &amp;certificates…</source>
        <translation>&amp;Zertifikate einrichten…</translation>
    </message>
    <message>
        <source>Set up the application key, SuperOffice&apos;s certificates and TLS</source>
        <translation>Anwendungsschlüssel, SuperOffice-Zertifikate und TLS einrichten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Stop the endpoint and quit</source>
        <translation>Den Endpunkt stoppen und beenden</translation>
    </message>
    <message>
        <source>&amp;Start endpoint</source>
        <translation>Endpunkt &amp;starten</translation>
    </message>
    <message>
        <source>Listen for the Mirroring Task&apos;s calls</source>
        <translation>Auf Aufrufe des Mirroring Task lauschen</translation>
    </message>
    <message>
        <source>S&amp;top endpoint</source>
        <translation>Endpunkt s&amp;toppen</translation>
    </message>
    <message>
        <source>Stop listening</source>
        <translation>Nicht mehr lauschen</translation>
    </message>
    <message>
        <source>&amp;Copy endpoint URL</source>
        <translation>Endpunkt-URL &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the URL to register in SuperOffice</source>
        <translation>Die URL kopieren, die in SuperOffice registriert wird</translation>
    </message>
    <message>
        <source>Run &amp;demo cycle</source>
        <translation>&amp;Demo-Zyklus ausführen</translation>
    </message>
    <message>
        <source>Mirror a generated demo tenant through the running endpoint</source>
        <translation>Einen erzeugten Demo-Mandanten über den laufenden Endpunkt spiegeln</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read tenants, tables and the event log again</source>
        <translation>Mandanten, Tabellen und das Ereignisprotokoll neu lesen</translation>
    </message>
    <message>
        <source>&amp;Invalidate tables</source>
        <translation>Tabellen &amp;invalidieren</translation>
    </message>
    <message>
        <source>Delete the selected tables&apos; rows and set their LSN to -1</source>
        <translation>Die Zeilen der ausgewählten Tabellen löschen und ihre LSN auf -1 setzen</translation>
    </message>
    <message>
        <source>Invalidate &amp;all tables</source>
        <translation>&amp;Alle Tabellen invalidieren</translation>
    </message>
    <message>
        <source>Delete every table&apos;s rows and set every LSN to -1</source>
        <translation>Die Zeilen aller Tabellen löschen und jede LSN auf -1 setzen</translation>
    </message>
    <message>
        <source>Re&amp;populate tables</source>
        <translation>Tabellen &amp;neu befüllen</translation>
    </message>
    <message>
        <source>Drop the selected tables and their metadata (the hard reset)</source>
        <translation>Die ausgewählten Tabellen und ihre Metadaten entfernen (das harte Zurücksetzen)</translation>
    </message>
    <message>
        <source>Repopulate a&amp;ll tables</source>
        <translation>A&amp;lle Tabellen neu befüllen</translation>
    </message>
    <message>
        <source>Drop every table and its metadata (the hard reset)</source>
        <translation>Alle Tabellen und ihre Metadaten entfernen (das harte Zurücksetzen)</translation>
    </message>
    <message>
        <source>&amp;Pause tenant</source>
        <translation>Mandanten &amp;pausieren</translation>
    </message>
    <message>
        <source>Answer doNotReplicate to the tenant</source>
        <translation>Dem Mandanten doNotReplicate antworten</translation>
    </message>
    <message>
        <source>Res&amp;ume tenant</source>
        <translation>Mandanten &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Mirror the tenant again</source>
        <translation>Den Mandanten wieder spiegeln</translation>
    </message>
    <message>
        <source>&amp;Delete mirror…</source>
        <translation>Spiegelung &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete the tenant&apos;s mirror and forget its state</source>
        <translation>Die Spiegelung des Mandanten löschen und seinen Zustand vergessen</translation>
    </message>
    <message>
        <source>&amp;Export table as CSV…</source>
        <translation>Tabelle als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the shown rows (order and filters) to a CSV file</source>
        <translation>Die angezeigten Zeilen (Sortierung und Filter) in eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>&amp;About MirrorScope</source>
        <translation>Ü&amp;ber MirrorScope</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Takes effect at the next start</source>
        <translation>Wirkt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>&amp;Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Mandant</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Mirror &amp;database…</source>
        <translation>Spiegelungs&amp;datenbank…</translation>
    </message>
    <message>
        <source>Choose where the mirrors live: SQLite files or a PostgreSQL server</source>
        <translation>Wählen, wo die Spiegelungen liegen: SQLite-Dateien oder ein PostgreSQL-Server</translation>
    </message>
</context>
<context>
    <name>ms::ui::WizardSaver</name>
    <message>
        <source>Cannot store the %1 %2: %3</source>
        <translation>%1 %2 kann nicht gespeichert werden: %3</translation>
    </message>
    <message>
        <source>The %1 is stored %2.</source>
        <translation>%1 ist %2 gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write the %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 geschrieben werden: %3</translation>
    </message>
    <message>
        <source>The %1 is saved in %2.</source>
        <translation>%1 ist in %2 gespeichert.</translation>
    </message>
    <message>
        <source>Choose where the private keys are kept.</source>
        <translation>Wählen Sie, wo die privaten Schlüssel aufbewahrt werden.</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>Das Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>application private key</source>
        <translation>der private Anwendungsschlüssel</translation>
    </message>
    <message>
        <source>TLS private key</source>
        <translation>der private TLS-Schlüssel</translation>
    </message>
    <message>
        <source>SuperOffice certificate</source>
        <translation>das SuperOffice-Zertifikat</translation>
    </message>
    <message>
        <source>endpoint&apos;s TLS certificate</source>
        <translation>das TLS-Zertifikat des Endpunkts</translation>
    </message>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The settings are saved in %1.</source>
        <translation>Die Einstellungen sind in %1 gespeichert.</translation>
    </message>
</context>
</TS>
