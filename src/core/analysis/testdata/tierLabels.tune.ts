/**
 * TUNING half of the hand-labelled tier set. Written for this project in the style of real
 * registers' actions (terse POA&M lines, semicolon lists, long remediation sentences, actions in
 * the reader's other languages) and of typical small-practice HIPAA remedies. No text is copied
 * from the calibration workbooks.
 *
 * Labelled by the definitions in domain/risk-management-plan.txt:
 * - W "This week": no budget and little technical skill; the practice's own staff can do it now
 *   (settings in systems the practice administers, access removal and reviews, policies,
 *   procedures, notices, sanctions, in-house training, locks, shredding, restore tests, patches the
 *   staff installs themselves).
 * - V "Vendor conversations": takes a call or e-mail to a service provider (BAAs, confirmations,
 *   anything the IT vendor / MSP / EHR vendor does or owns, a vendor dependency).
 * - B "Budget decisions": capital and planning (purchases, replacements, segmentation, formal
 *   training programmes or services, penetration tests, new tools, hires, consultants).
 * - "?": a careful reader cannot tell from what the row says (a control number, "Mitigate").
 * A multi-part action takes the tier of its most demanding part; a cost column ("None", "$0",
 * "Licence", "$5,000") and an owner that is an outside company count as what they say.
 * Line format: LABEL | action | owner | cost | vendor dependency | risk
 */
export const TUNE = `
W|Enable multi-factor authentication on the EHR portal|Practice Manager|||Stolen passwords
W|Revoke EHR access for staff who left this year|Office Manager|||Former employees keep access
W|Update the NPP to the 2026 template|Privacy Officer|||Outdated notice
W|Get signed sanctions agreements from all workforce members|HR Lead|||No sanctions on file
W|Change all default passwords on front-desk PCs|Office Manager|||Default passwords
W|Set an automatic screen lock after 5 minutes on exam room PCs|Office Manager|||Unattended PCs
W|Turn on FileVault on the two Macs|Office Manager|||Unencrypted Macs
W|Write an acceptable use policy|Privacy Officer|||No AUP
W|Draft a contingency plan for EHR downtime|Security Officer|||No downtime plan
W|Review the EHR access report every month|Practice Manager|||Access not reviewed
W|Lock the filing cabinets with patient charts|Front Desk Lead|||Unlocked cabinets
W|Shred old superbills instead of recycling them|Office Manager|||PHI in recycling
W|Test a full restore of the practice management database each quarter|Office Manager|||Untested restores
W|List all laptops, tablets and phones that hold ePHI|Security Officer|||No device list
W|Install pending security updates on the reception PCs|Office Manager|||Missing updates
W|Hold a HIPAA privacy training session for new hires|Privacy Officer|||New hires untrained
W|Disable guest accounts on all workstations|Office Manager|||Guest accounts enabled
W|Deactivate the accounts of two former locum physicians|Practice Manager|||Locum accounts active
W|Adopt a mobile device policy|Privacy Officer|||Phones unmanaged
W|Appoint a privacy officer and record it in the policy manual|Practice Owner|||No privacy officer
W|Enable the built-in firewall on all Windows PCs|Office Manager|||Firewall off
W|Turn off SMBv1 on the file server|Security Officer|||Legacy protocol
W|Require passphrases of at least 14 characters|Office Manager|||Short passwords
W|Review who can export reports from the EHR and restrict it|Practice Manager|||Bulk export
W|Keep the medication room door closed and locked|Nurse Manager|||Open room
W|Escort visitors beyond reception|Front Desk Lead|||Unescorted visitors
W|Create an incident log and record every suspected incident|Privacy Officer|||Incidents untracked
W|Remove admin rights from the office manager's daily account|Security Officer|||Admin browsing
W|Set the EHR to require re-authentication after 20 minutes|Practice Manager|||Idle sessions
W|Document the data backup plan|Office Manager|||No backup plan
W|Conduct annual security awareness training using the free HHS materials|Privacy Officer|$0||Untrained staff
W|Run a phishing awareness briefing at the morning huddle|Privacy Officer|||Phishing
W|Move the fax machine out of the waiting room|Office Manager|||Faxes visible
W|Enable message encryption for e-mails with PHI in Microsoft 365|Office Manager|Included in licence||Unencrypted e-mail
W|Rotate the Wi-Fi password and stop sharing it with patients|Office Manager|||Shared Wi-Fi password
W|Review the audit trail of chart access for VIP patients weekly|Privacy Officer|||Snooping
W|Write a device and media disposal procedure|Security Officer|||Disposal undocumented
W|Verify that nightly backups completed and log the check|Office Manager|||Backups fail silently
W|Restrict access to the shared drive folder with patient letters|Office Manager|||Open share
W|Train staff to lock screens when stepping away|Privacy Officer|||Open screens
W|Establish a termination procedure with same-day access removal|HR Lead|||Late deprovisioning
W|Update the risk analysis with the new telehealth workflow|Security Officer|||Outdated risk analysis
W|Define roles in the EHR so scheduling staff cannot open notes|Practice Manager|||Excess access
W|Enable account lockout after repeated failed logins|Office Manager|||Password guessing
W|Turn on alerts for logins from new countries in Microsoft 365|Office Manager|||Account takeover
W|Collect signed confidentiality agreements from volunteers|HR Lead|||Volunteers unsigned
W|Record key holders for the server room|Office Manager|||Unknown key holders
W|Disable macros in Office documents from the internet|Security Officer|||Malicious macros
W|Check that antivirus is running on every PC|Office Manager|||AV disabled
W|Map where ePHI is stored, sent and received|Security Officer|||Unknown data flows
W|Approve and publish the updated security policies|Practice Owner|||Policies unapproved
W|Patch Adobe Reader and browsers on all PCs|Office Manager|||Vulnerable apps
W|Enable remote wipe for practice-owned phones|Office Manager|||Lost phones
W|Restrict printing of PHI to the locked printer room|Office Manager|||Printouts left out
W|Disable remote desktop on workstations that don't need it|Security Officer|||Exposed RDP
W|Keep a log of laptops checked out by providers|Office Manager|||Untracked laptops
W|Review and update the minimum necessary policy|Privacy Officer|||Over-disclosure
W|Passwort-Richtlinie aktualisieren und Passwörter zurücksetzen|IT-Verantwortlicher|||Schwache Passwörter
W|Berechtigungen im Praxisverwaltungssystem quartalsweise prüfen|Praxismanagerin|||Zu viele Rechte
W|Mitarbeiter zum Thema Phishing schulen|Datenschutzbeauftragter|||Phishing
W|Aktenschrank abschließen und Schlüssel protokollieren|Praxismanagerin|||Offene Akten
W|Habilitar la autenticación multifactor en el correo|Gerente de la clínica|||Correo comprometido
W|Documentar el procedimiento de respuesta a incidentes|Oficial de privacidad|||Sin procedimiento
W|Destruir los documentos con datos de pacientes con la trituradora|Recepción|||Papeles en la basura
W|Revisar los accesos de los usuarios cada trimestre|Gerente de la clínica|||Accesos excesivos
W|Revocare gli accessi degli ex dipendenti|Responsabile dello studio|||Ex dipendenti
W|Attivare il blocco schermo automatico|Responsabile dello studio|||Postazioni incustodite
W|Oppdatere rutine for avvikshåndtering|Personvernombud|||Utdatert rutine
W|Aktivere skjermlås etter 5 minutter|Kontorleder|||Ubetjente PC-er
W|Mettre à jour la politique de mots de passe|Responsable du cabinet|||Mots de passe faibles
W|Former le personnel à la confidentialité des données|Responsable du cabinet|||Personnel non formé
W|Revogar os acessos de ex-funcionários|Gerente do consultório|||Ex-funcionários
W|Ativar o bloqueio de tela automático|Gerente do consultório|||Computadores desbloqueados
W|Wachtwoordbeleid bijwerken en wachtwoorden wijzigen|Praktijkmanager|||Zwakke wachtwoorden
W|Medewerkers trainen in het herkennen van phishing|Praktijkmanager|||Phishing
V|Sign a BAA with the answering service|Privacy Officer|||No BAA
V|Execute BAAs with the EHR vendor, billing company and cloud backup service|Privacy Officer|||Missing BAAs
V|Confirm with the EHR vendor that encryption is on by default|Practice Manager|||Encryption unknown
V|Ask the IT provider about their patch management schedule|Office Manager|||Patching unknown
V|Have the MSP apply monthly patches to the server|Office Manager|||Unpatched server
V|Enable MFA on the VPN|IT Vendor (Northgate IT)|||VPN without MFA
V|Obtain the telehealth platform's BAA and security documentation|Privacy Officer|||Telehealth vendor unvetted
V|Request audit log exports from the EHR vendor|Privacy Officer|||No audit logs available
V|Check with the cloud backup provider how long backups are retained|Office Manager|||Retention unknown
V|Confirm the shredding vendor's chain of custody|Office Manager|||Disposal custody
V|Renew the BAA with the transcription company|Privacy Officer|||BAA expired
V|Get a certificate of destruction from the shredding company after each pickup|Office Manager|||No proof of destruction
V|Turn on disk encryption on the server|Managed service provider|||Unencrypted server
V|Replace the expired SSL certificate on the portal|Web host|||Expired certificate
V|Configure the firewall to block inbound RDP|Acme Networks Inc.|||Exposed RDP
V|Update the router firmware|IT contractor|||Old firmware
V|Ask the lab interface vendor whether results are sent over TLS|Practice Manager|||Unencrypted interface
V|Request the vendor's SOC 2 Type II report|Compliance Officer|||Vendor assurance
V|Review the hosting contract for breach notification terms|Practice Owner|||Contract terms unknown
V|Confirm the e-prescribing vendor supports two-factor sign-in for controlled substances|Practice Manager|||EPCS
V|Coordinate with the EHR company to close the open interface port|Practice Manager|||Open port
V|Get the billing company to limit their staff's access to our patients|Billing Manager|||Vendor overaccess
V|Have the phone vendor encrypt call recordings|Office Manager|||Recordings unencrypted
V|Disable the unused accounts in the cloud fax portal|Office Manager||Yes|Dormant accounts
V|Apply the vendor-supplied update to the ultrasound workstation|Office Manager||Yes|Unpatched device
V|Remove ex-staff from the dental imaging software|Office Manager||Vendor|Former staff
V|Contrato de encargado del tratamiento con la empresa de facturación|Oficial de privacidad|||Sin contrato
V|Preguntar al proveedor de TI por el calendario de parches|Gerente de la clínica|||Parches
V|Auftragsverarbeitungsvertrag mit dem Cloud-Anbieter prüfen und unterschreiben|Datenschutzbeauftragter|||AVV fehlt
V|Dienstleister um Bestätigung der Backup-Verschlüsselung bitten|Praxismanagerin|||Backup
V|Chiedere al fornitore del gestionale conferma della cifratura|Responsabile dello studio|||Cifratura
V|Inngå databehandleravtale med journalleverandøren|Daglig leder|||Mangler avtale
V|Signer un contrat de sous-traitance avec l'hébergeur|Responsable du cabinet|||Pas de contrat
V|Pedir ao fornecedor de backup a confirmação da criptografia|Gerente do consultório|||Backup
V|Leverancier vragen om bevestiging van versleuteling|Praktijkmanager|||Versleuteling
B|Purchase new laptops with TPM chips to replace the unencrypted ones|Practice Owner|||Old laptops
B|Implement network segmentation between clinical and guest traffic|Security Officer|||Flat network
B|Replace the end-of-life firewall|Practice Owner|||Unsupported firewall
B|Roll out a formal training program for all staff|Privacy Officer|||No training program
B|Commission an annual penetration test|Practice Owner|||No testing
B|Deploy a SIEM for log correlation|Security Officer|||Logs not correlated
B|Buy a backup appliance with immutable snapshots|Office Manager|||Ransomware
B|Install a generator for the server room|Practice Owner|||Power loss
B|Upgrade all PCs from Windows 10 before end of support|Practice Owner|||Unsupported OS
B|Engage a third-party assessor for the risk analysis|Practice Owner|||Risk analysis incomplete
B|Implement an EDR solution on all endpoints|Security Officer|||Malware
B|Set up a secondary data center for disaster recovery|Practice Owner|||Single site
B|Subscribe to a security awareness platform with phishing simulations|Privacy Officer|||Phishing clicks
B|Install card readers on the records room and server closet|Practice Owner|||Uncontrolled rooms
B|Hire an IT coordinator|Practice Owner|||No IT staff
B|Migrate the on-site server to a hosted EHR|Practice Owner|||Aging server
B|Add a web application firewall in front of the patient portal|Security Officer|||Web attacks
B|Implement data loss prevention for outgoing e-mail|Security Officer|||PHI leaks
B|Redesign the network with separate VLANs for IoT devices|IT Vendor|||IoT on clinical network
B|Purchase cable locks for exam room laptops|Office Manager|$1,500||Laptop theft
B|Review firewall rules|Security Officer|Capital||Weak rules
B|Encrypt all backups|Office Manager|$5,000||Unencrypted backups
B|Enable MFA with push tokens for all users|Security Officer|Licence required||Phishing
B|Implement a privileged access management tool|Security Officer|||Admin accounts
B|Adquirir un sistema de alimentación ininterrumpida (UPS)|Gerente de la clínica|||Cortes de luz
B|Segmentar la red de invitados|Gerente de la clínica|||Red plana
B|Neue Server anschaffen|Praxisinhaber|||Alter Server
B|Schulungsprogramm für Informationssicherheit einführen|Praxisinhaber|||Keine Schulung
B|Sostituire i PC con Windows 7|Titolare|||Sistema obsoleto
B|Investering i ny brannmur|Daglig leder|||Gammel brannmur
B|Acheter un onduleur et un second serveur|Responsable du cabinet|||Coupures
B|Substituir o servidor antigo|Gerente do consultório|||Servidor antigo
B|Netwerk segmenteren en nieuwe firewall aanschaffen|Praktijkmanager|||Plat netwerk
?|Control 8.12|IT Security Dept|||Data leakage
?|Clause 9.3|Compliance|||Management review
?|Address risk|Practice Manager|||Ransomware
?|Ongoing|Office Manager|||Phishing
?|See remediation plan|Security Officer|||Backups
?|2026-06-30|IT Manager|||Encryption
?|Open|Office Manager|||Audit log
?|Reduce|Owner|||Malware
W|Antivirus and regular patch updates||||Unpatched systems
W|Encryption and multi-factor authentication||||Weak authentication
W|Regular configuration review and validation||||Misconfiguration
W|Restricted access and audit logging||||Data manipulation
W|Access control review and permission management||||Misconfigured permissions
B|Real-time monitoring and alerting system||||Downtime
B|Backup systems and SLA agreements with the provider||||Provider outage
W|Strong password enforcement and access control||||Weak credentials
W|Enforce strong password policy and enable MFA|IT Administrator|||Phishing
B|Implement automated patch management system|IT Administrator|||Outdated software
B|Implement USB blocking policy, deploy endpoint security tools|IT Security Lead|||USB malware
W|Restrict admin rights, implement role-based access controls|IT Security Lead|||Local admin rights
B|Implement recurring mandatory security awareness training program|HR Lead|||No regular training
W|Schedule regular restoration tests to ensure backup integrity|IT Operations Lead|||Untested backups
W|Develop a formal incident response plan, define roles, test with tabletop exercises|Security Officer|||No IR plan
W|Run backup restore test; confirm recovery time; document the recovery decision process|Office Manager|||Recovery untested
W|Define app owners; conduct quarterly access reviews; track exceptions|Practice Manager|||Excess privileges
V|Tier vendors; document continuity requirements; review SOC reports annually|Privacy Officer|||Vendor outage
B|Run quarterly phishing simulation; track reporting rate|Privacy Officer|||Phishing
W|Create monthly patch compliance report and exception workflow|Office Manager|||Patching gaps
W|Create data retention matrix; sample deletion evidence|Privacy Officer|||Over-retention
W|Require review of emergency changes within five business days|Practice Manager|||Unreviewed changes
W|Extend training tracker to contractors; report overdue completion monthly|HR Lead|||Contractors untrained
W|Create evidence inventory; assign evidence owners; monthly evidence review|Compliance Officer|||Missing evidence
B|Complete migration to encrypted cloud backup; decommission legacy NAS|Practice Owner|||Unencrypted backups
V|Build BAA tracker; obtain missing BAAs within 30 days|Privacy Officer|||Missing BAAs
B|Deploy DLP policy restricting bulk export of patient data|Security Officer|||Bulk export
W|Disable TLS 1.1 fallback on the portal|Security Officer|||Old TLS
W|Document rules engine logic; cross-train a second person|Practice Manager|||Key person dependency
W|Add badge log review to the quarterly physical security checklist|Office Manager|||Badge logs not reviewed
W|Policy update and forced password resets|Security Officer|||Non-compliant password policy
W|Emergency patch to the three exposed PCs|Office Manager|||Critical CVE
W|Stale account disablement|Office Manager|||Stale accounts
`;
