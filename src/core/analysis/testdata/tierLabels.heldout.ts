/**
 * HELD-OUT half of the hand-labelled tier set (see tierLabels.tune.ts for the labelling rules).
 * Written before the classifier was tuned and never used to tune it: its figures are the honest ones.
 * Line format: LABEL | action | owner | cost | vendor dependency | risk   (empty fields allowed)
 * LABEL: W This week, V Vendor conversations, B Budget decisions, ? a careful reader cannot tell.
 */
export const HELD_OUT = `
W|Turn on MFA for all staff e-mail accounts|Office Manager|||Compromised mailbox
W|Disable the shared front-desk login and give each receptionist their own EHR account|Practice Manager|||Shared login
W|Collect keys and badges from staff on their last day|Office Manager|||Former staff keep keys
W|Remove departed employees from the EHR and e-mail within 24 hours|Office Manager|||Terminated users keep access
W|Update the Notice of Privacy Practices and post it in the waiting room|Privacy Officer|||Outdated NPP
W|Have every workforce member sign the sanctions policy acknowledgement|HR Lead|||No sanctions agreements on file
W|Set workstation screens to lock after 10 minutes of inactivity|Office Manager|||Unattended workstations
W|Change the default password on the Wi-Fi router|Office Manager|||Default router password
W|Write a breach notification procedure|Privacy Officer|||No breach procedure
W|Review EHR audit logs monthly and sign off the review|Privacy Officer|||Audit logs never reviewed
W|Quarterly user access review of the practice management system|Practice Manager|||Excess access
W|Lock the records room after hours and keep a key log|Office Manager|||Paper charts exposed
W|Shred paper PHI in the locked bin daily|Front Desk Lead|||Paper PHI in the trash
W|Fit privacy filters on the check-in monitors|Office Manager|$40||Screens visible to patients
W|Turn the reception monitor away from the waiting room|Front Desk Lead|||Screen visible
W|Test restoring a patient file from last night's backup|Office Manager|||Backups never tested
W|Build an inventory of every device that stores ePHI|Security Officer|||No asset inventory
W|Apply the latest Windows updates on all front-desk PCs|Office Manager|||Unpatched PCs
W|Enable BitLocker on the two practice laptops|Security Officer|||Unencrypted laptops
W|Run a 30-minute HIPAA refresher at the next staff meeting|Privacy Officer|||Staff unaware of policies
W|Remind staff not to e-mail PHI to personal accounts|Privacy Officer|||PHI sent to Gmail
W|Document the contingency plan and the emergency contact tree|Security Officer|||No contingency plan
W|Designate a security officer in writing|Practice Owner|||No security officer named
W|Turn on audit logging in Microsoft 365|Office Manager|||No audit trail
W|Disable automatic forwarding of e-mail to outside addresses|Office Manager|||Auto-forwarding
W|Remove local administrator rights from clinical workstations|Security Officer|||Users are local admins
W|Adopt a clean desk policy for the nurses' station|Practice Manager|||Charts left on desks
W|Keep a visitor sign-in sheet and escort vendors in clinical areas|Front Desk Lead|||Visitors unescorted
W|Revise the acceptable use policy to cover personal phones|Privacy Officer|||BYOD not addressed
W|Create a termination checklist that includes access removal|HR Lead|||No offboarding steps
W|Enforce 12-character passwords in the EHR settings|Practice Manager|||Weak passwords
W|Tabletop exercise of the ransomware response plan with all staff|Security Officer|||Untested response
W|Record the location of ePHI in a data flow diagram|Security Officer|||Unknown ePHI locations
W|Disable TLS 1.0/1.1 on the patient portal web server|Security Officer|||Old TLS
W|Block USB storage devices through group policy|Security Officer|||USB data theft
W|Update the incident response plan with phone numbers of the on-call staff|Security Officer|||Outdated IR plan
W|Revoke VPN accounts that have not been used in 90 days|Security Officer|||Dormant VPN accounts
W|Post the minimum-necessary rule at the billing desk and train billing staff|Privacy Officer|||Over-disclosure
W|Turn on account lockout after 5 failed logins|Office Manager|||Brute force
W|Keep the server closet locked and limit keys to two people|Office Manager|||Open server closet
W|Enable automatic updates on all workstations|Office Manager|None||Missing updates
W|Document risk acceptance for the fax machine with the owner's signature|Practice Owner|||Fax risk
W|Review who has remote access and remove anyone who no longer needs it|Practice Manager|||Remote access sprawl
W|Configure the EHR to log off users after 15 minutes idle|Practice Manager|Staff time||Open sessions
W|Train front desk on verifying patient identity before releasing records|Privacy Officer|||Records released to wrong person
W|Establish a procedure for reporting lost devices within 1 hour|Security Officer|||Lost devices not reported
W|Turn on Windows Defender real-time protection on all PCs|Office Manager|||No malware protection
W|Restrict EHR roles so front desk cannot see clinical notes|Practice Manager|||Excess EHR access
W|Reset all shared voicemail PINs|Office Manager|||Shared PINs
W|Write down the backup schedule and who checks it each Monday|Office Manager|||Backups unchecked
W|Aktivieren Sie die Zwei-Faktor-Authentifizierung für alle E-Mail-Konten|Praxismanagerin|||Phishing
W|Zugänge ausgeschiedener Mitarbeiter sofort sperren|Praxismanagerin|||Ehemalige Mitarbeiter
W|Datenschutzrichtlinie überarbeiten und von allen unterschreiben lassen|Datenschutzbeauftragter|||Veraltete Richtlinie
W|Bildschirmsperre nach 5 Minuten einstellen|IT-Verantwortlicher|||Offene Arbeitsplätze
W|Activar el bloqueo de pantalla en todos los equipos de recepción|Gerente de la clínica|||Pantallas desatendidas
W|Revocar el acceso de los empleados que dejaron la clínica|Gerente de la clínica|||Accesos antiguos
W|Actualizar la política de contraseñas|Oficial de privacidad|||Contraseñas débiles
W|Capacitar al personal sobre correos de phishing en la reunión mensual|Oficial de privacidad|||Phishing
W|Attivare l'autenticazione a due fattori sulla posta elettronica|Responsabile dello studio|||Account compromessi
W|Aggiornare la procedura di gestione degli incidenti|Responsabile privacy|||Procedura obsoleta
W|Slå på tofaktorautentisering for alle brukere|Kontorleder|||Phishing
W|Fjerne tilgang for ansatte som har sluttet|Kontorleder|||Tidligere ansatte
W|Activer le verrouillage automatique des postes après 10 minutes|Responsable du cabinet|||Postes sans surveillance
W|Révoquer les comptes des employés partis|Responsable du cabinet|||Anciens employés
W|Ativar a autenticação de dois fatores no portal do EHR|Gerente do consultório|||Senhas fracas
W|Atualizar a política de privacidade e treinar a equipe|Encarregado de dados|||Política desatualizada
W|Schakel schermvergrendeling in op alle werkstations|Praktijkmanager|||Onbeheerde werkplekken
W|Toegang van vertrokken medewerkers intrekken|Praktijkmanager|||Oud-medewerkers
V|Obtain a signed BAA from the billing company|Privacy Officer|||No BAA with billing company
V|Execute a business associate agreement with the cloud backup service|Practice Manager|||Backup vendor without BAA
V|Ask the EHR vendor to confirm that data at rest is encrypted|Practice Manager|||Encryption unknown
V|Have the IT provider confirm monthly patching in writing|Office Manager|||Patching unclear
V|Request the SOC 2 report from the telehealth platform|Privacy Officer|||Unvetted telehealth vendor
V|Enable MFA on the server|IT Vendor (Summit Tech LLC)|||Remote admin without MFA
V|Patch the firewall firmware|MSP|||Firmware out of date
V|Configure offsite replication of backups|BrightWave IT Solutions|||Backups on-site only
V|Confirm with the shredding company that certificates of destruction are issued|Office Manager|||Disposal undocumented
V|Ask Microsoft support how long deleted mailbox items are kept|Office Manager|||Retention unclear
V|Update the BAA with the transcription service to cover breach notification within 10 days|Privacy Officer|||Old BAA
V|Call the phone vendor to turn off voicemail-to-e-mail for the clinical lines|Office Manager|||Voicemail PHI in e-mail
V|Get written confirmation from the hosting provider that backups are kept for 30 days|Practice Manager|||Backup retention unknown
V|Review the vendor's security questionnaire answers and ask for missing evidence|Privacy Officer|||Vendor risk
V|Have the EHR company turn on audit logging for the patient portal|Practice Manager|||No portal audit log
V|Escalate the open vulnerability to the imaging system manufacturer|Practice Manager|||Unsupported imaging PC
V|Renegotiate the IT support contract to include 4-hour response for outages|Practice Owner|||Slow outage response
V|Confirm the billing vendor notifies us of breaches within 5 days|Privacy Officer|||Breach notice terms unknown
V|Set up alerts for failed backups|Managed IT provider|||Backup failures unnoticed
V|Ask the ISP to disable remote management on the modem|Office Manager|||Exposed modem
V|Verify with the copier vendor that the hard drive is wiped before return|Office Manager|||Copier disk
V|Get the clearinghouse to sign an updated business associate agreement|Billing Manager|||Expired BAA
V|Work with the EHR vendor to remove shared generic accounts|Practice Manager|||Generic accounts
V|Review and renew BAAs with all vendors before they expire|Privacy Officer|||Expired BAAs
V|Patch the practice management server|IT contractor|||Unpatched server
V|Remove former staff from the cloud fax service|Office Manager||Yes|Former staff
V|Apply the vendor's security patch to the X-ray software|Office Manager||Yes|Unpatched imaging software
V|Firmar contrato de encargado del tratamiento con el proveedor de historia clínica|Gerente de la clínica|||Sin contrato
V|Solicitar al proveedor la confirmación del cifrado de las copias de seguridad|Gerente de la clínica|||Cifrado desconocido
V|Auftragsverarbeitungsvertrag mit dem Abrechnungsdienstleister abschließen|Datenschutzbeauftragter|||Kein AVV
V|Beim Praxissoftware-Anbieter nachfragen, ob Backups verschlüsselt sind|Praxismanagerin|||Backups
V|Richiedere al fornitore del software la nomina a responsabile del trattamento|Responsabile privacy|||Nessun accordo
V|Be leverandøren om å bekrefte kryptering av journaldata|Kontorleder|||Kryptering ukjent
V|Demander au prestataire informatique de confirmer les sauvegardes externes|Responsable du cabinet|||Sauvegardes
V|Solicitar ao fornecedor do sistema o contrato de operador de dados|Encarregado de dados|||Sem contrato
V|Verwerkersovereenkomst afsluiten met de leverancier van het EPD|Praktijkmanager|||Geen overeenkomst
B|Replace the three Windows 7 workstations at reception|Practice Owner|||Unsupported OS
B|Segment the guest Wi-Fi from the clinical network|Security Officer|||Flat network
B|Commission an external penetration test of the patient portal|Practice Owner|||Portal never tested
B|Buy a second NAS for offsite backup rotation|Office Manager|||Single backup copy
B|Deploy an EDR product on all endpoints|Security Officer|||No EDR
B|Purchase a UPS for the server closet|Office Manager|||Power outages
B|Install security cameras at the back entrance|Practice Owner|||Back door unmonitored
B|Roll out a formal security awareness training program with annual modules|Privacy Officer|||No formal training
B|Subscribe to a phishing simulation service|Security Officer|||Phishing clicks
B|Hire a part-time compliance coordinator|Practice Owner|||No compliance capacity
B|Upgrade the firewall to a model with IPS|MSP|||Old firewall
B|Move to an encrypted cloud backup service with immutable copies|Security Officer|$3,600/year||Ransomware
B|Implement a password manager for all staff|Security Officer|||Password reuse
B|Install a badge access system on the records room door|Practice Owner|||Uncontrolled access
B|Set up a secondary internet line with automatic failover|Office Manager|||Single internet link
B|Deploy mobile device management for clinician phones|Security Officer|||Unmanaged phones
B|Engage a consultant to perform the annual risk analysis|Practice Owner|||No risk analysis
B|Replace the end-of-life EHR server|Practice Owner|||Server out of support
B|Add network VLANs for medical devices|IT Vendor|||Medical devices on flat network
B|Budget for a SIEM service in next year's plan|Practice Owner|||No log correlation
B|Enable MFA using hardware security keys for all providers|Security Officer|$1,200||Phishing
B|Migrate e-mail to an encrypted e-mail service|Office Manager|Licence||Unencrypted e-mail
B|Review logs daily|Security Officer|$8,000||No log review
B|Document the network|IT Vendor|Capital request||No network documentation
B|Implementar un sistema de copias de seguridad en la nube|Gerente de la clínica|||Sin respaldo externo
B|Reemplazar los equipos con Windows 7|Gerente de la clínica|||Sistema sin soporte
B|Neue Firewall anschaffen und Netzwerk segmentieren|Praxisinhaber|||Flaches Netz
B|Penetrationstest durch externen Dienstleister beauftragen|Praxisinhaber|||Nie getestet
B|Acquistare un gruppo di continuità per il server|Titolare|||Blackout
B|Kjøpe ny server med støtte for kryptering|Daglig leder|||Gammel server
B|Remplacer les postes de travail obsolètes|Responsable du cabinet|||Postes obsolètes
B|Comprar um nobreak e um segundo servidor|Gerente do consultório|||Queda de energia
B|Nieuwe server aanschaffen en oude uitfaseren|Praktijkmanager|||Verouderde server
?|Control 7.4|IT Security Dept|||Physical monitoring
?|Mandatory|Operator|||Missing control
?|Mitigate|Practice Manager|||Phishing
?|See tab 2|Office Manager|||Backup
?|Phase 2|Security Officer|||Segmentation
?|TBD|Practice Manager|||Laptop theft
?|Clause 6.1.3|Compliance|||Risk treatment
?|Accept|Owner|||Low residual risk
?|In progress|Office Manager|||Audit logs
?|2026-03-31|IT Manager|||Unpatched systems
W|Disable after 30 days of inactivity|Office Manager|||Inactive accounts not disabled
W|Apply patches monthly|Office Manager|||Missing patches
W|Restrict firewall rules to the ports the EHR needs|Office Manager|||Open ports
W|Enforce 14 character passwords with complexity|Office Manager|||Weak password policy
W|Strong password policy with MFA enforcement||||Weak passwords
W|Role-based access with quarterly permission reviews||||Improper access control
W|Regular restore testing of backups||||Untested backups
W|Device lock and asset tagging||||Device theft
B|Failover systems and redundancy||||No redundancy
B|Backup appliance with offsite replication||||Data loss
W|Log review and alerting configured in the EHR||||No log review
W|Train employees and turn on spam filtering||||Phishing
B|Implement automated vulnerability scanning tool||||Unknown vulnerabilities
B|Add biometric entry to the medication room||||Drug diversion
W|Develop an incident response plan and test it with a tabletop||||No IR plan
W|Run quarterly access reviews for the EHR and billing system||||Excess privileges
W|Automate the deprovisioning checklist and sample terminations monthly|HR Lead|||Terminated users keep access
V|Request updated SOC 2 Type II report or bridge letter||||Vendor assurance expired
V|Obtain missing BAAs within 30 days||||BAAs missing
B|Commission third-party penetration test and fix high findings||||Portal untested
B|Stand up a warm standby site for the EHR||||Single site
W|Create a retention schedule for paper and electronic records||||Records kept too long
W|Define need-to-know access roles for billing staff||||Excess access
W|Review transactional e-mail templates to remove unnecessary PHI||||PHI in e-mails
V|Confirm encryption settings with the e-fax provider||||E-fax encryption unknown
W|Update session timeout to 15 minutes||||Long sessions
W|Identify missing audit event categories and turn them on||||Audit gaps
W|Document required permissions per service account||||Excessive privilege
W|Obtain signed rules of behavior from the two new contractors||||No acknowledgment
W|Notify the three staff with overdue training and schedule it||||Training overdue
`;
