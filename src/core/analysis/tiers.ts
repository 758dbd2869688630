/**
 * The practical tiers of a small practice's plan (domain/risk-management-plan.txt):
 * - "This week": no budget and little technical skill (turn on MFA, revoke a departed person's
 *   access, update a policy or the Notice of Privacy Practices, sanctions agreements).
 * - "Vendor conversations": a call or e-mail to a service provider (BAAs, confirming encryption
 *   with the EHR vendor, asking the IT provider about patching).
 * - "Budget decisions": capital and planning (segmentation, replacing devices, formal training
 *   programmes, penetration tests).
 *
 * Every signal the workbook has is used, in this order of strength:
 *   1. the user's own choice (saved in the workbook's settings; applied by the analysis),
 *   2. an explicit tier column that names a tier,
 *   3. the action text against the vocabulary below (English plus the reader's other languages),
 *      each part of a multi-part action on its own, the most demanding part deciding,
 *   4. a cost / resources / effort column ("None", "$0", "Staff time" vs "Licence", "$12,000"),
 *   5. the owner ("IT vendor", "MSP", a company name) and a vendor-dependency column,
 *   6. the risk text, when the action says nothing the vocabulary knows.
 * When none of them speaks, the entry stays "Unclassified" and the reason says so in one line;
 * `guesses` still orders the three tiers, the engine's best guess first, for the pane's buttons.
 */
import type { Entry, Tier } from '../model';

export type ChosenTier = Exclude<Tier, 'Unclassified'>;

/** The three tiers from the least to the most demanding: a multi-part action takes the highest. */
export const TIER_DEMAND: readonly ChosenTier[] = ['This week', 'Vendor conversations', 'Budget decisions'];

export interface TierRule {
  tier: ChosenTier;
  /** Matched against one part of the text, lower-cased, accents removed ("é" -> "e", "ø" -> "o"). */
  pattern: RegExp;
  /** Quoted in the reason, e.g. "turning on multi-factor authentication needs no budget". */
  why: string;
  /** A weak rule (a bare noun like "encryption") decides only when no strong rule matched. */
  weak?: boolean;
  /** The rule does not count in a part that also matches this (e.g. "vendor" in "vendor inventory"). */
  unless?: RegExp;
}

// Word lists shared by several rules (accent-free, lower case).
const VENDOR_WORDS =
  'vendors?|suppliers?|msp|managed (?:it |security )?services? providers?|it (?:providers?|company|firm|contractors?|consultants?|support (?:company|firm|provider|vendor)|partners?)|' +
  '(?:hosting|cloud|service|internet|email|e-mail|backup|telehealth|ehr|emr|billing|software|saas|network|phone|voip|copier|printer|fax) (?:providers?|vendors?|company|companies|services?|platforms?)|' +
  'billing (?:company|service)|clearinghouses?|shredding (?:company|service|vendor)|isp|locksmith|manufacturer|' +
  'proveedor(?:es)?|fornitor[ei]|leverandor(?:er|en)?|fournisseurs?|prestataires?|fornecedor(?:es)?|leveranciers?|anbieter[ns]?|lieferant(?:en)?|dienstleister[ns]?|hersteller[ns]?';
const VENDOR_PAPERWORK =
  /\b(inventory|inventories|list|register|tiering|tier vendors|policy|policies|procedure|intake|onboarding checklist|management program|risk assessment process)\b/;
const HARDWARE =
  'devices?|servers?|workstations?|laptops?|desktops?|computers?|pcs?|hardware|firewalls?|routers?|switch(?:es)?|access points?|wireless|wi-?fi equipment|nas|storage|tablets?|phones?|printers?|copiers?|' +
  'operating systems?|windows (?:7|8|xp|10)|legacy (?:systems?|software|applications?)|end[- ]of[- ]life|unsupported (?:systems?|software|os)|ups|generators?|phone system|ehr system|practice management system';
const DOCUMENTS =
  'polic(?:y|ies)|procedures?|sops?|standards?|checklists?|templates?|forms?|runbooks?|playbooks?|guidelines?|matrix|register|logs? sheets?|' +
  'risk (?:analysis|assessment)|(?:incident response|contingency|disaster recovery|business continuity|breach (?:response|notification)|emergency mode operation|data backup|communication|succession|sanctions|retention|risk management|security|privacy) plans?|' +
  'politica|politicas|procedimientos?|protocolos?|manual|richtlinien?|verfahrensanweisung|anweisungen?|dokumentation|regolamento|procedur[ae]|rutiner?|retningslinjer?|prosedyrer?|politique|charte|procedures? ecrites?|norma|normas|beleid|richtlijn(?:en)?|protocol';

export const TIER_RULES: readonly TierRule[] = [
  // ------------------------------------------------------------------ Budget decisions
  {
    tier: 'Budget decisions',
    pattern:
      /\b(purchase|purchasing|buy|procure|procurement of|acquire|order new|comprar|adquirir|kaufen|anschaff\w*|beschaff\w*|acquistare|comprare|kjope|anskaffe|acheter|acquerir|kopen|aanschaffen)\b/,
    why: 'a purchase needs a budget decision',
  },
  {
    tier: 'Budget decisions',
    pattern: new RegExp(
      `\\b(replace|replacing|replacement of|upgrade|upgrading|refresh|retire|decommission|migrate|migrating|reemplazar|sustituir|ersetzen|austauschen|sostituire|erstatte|bytte ut|remplacer|substituir|vervangen)\\b.*\\b(${HARDWARE}|hardware|equipos?|geraete|gerate|apparecchi|utstyr|materiel|equipamentos?|apparatuur|server|servidor(?:es)?|servidores)\\b`,
    ),
    why: 'replacing or upgrading equipment is a purchase',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(new|additional|second|dedicated|spare|redundant|nuevos?|nuevas?|neue[nrs]?|nuov[oi]|nye?|nouveaux?|nouvelles?|novos?|novas?|nieuwe)\s+(hardware|servers?|firewalls?|switch(es)?|routers?|laptops?|workstations?|computers?|pcs?|devices?|systems?|software|equipment|appliances?|backup (appliance|device|server)|nas|servidor(es)?|equipos|brannmur|pare-feu|ordinateurs|computadores)\b/,
    why: 'new equipment or software is a purchase',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(segment(ation|ing|ed)?|segment the network|network segments?|vlans?|separate (guest |clinical )?networks?|network redesign|segmentar|segmentieren|segmenteren|segmentere|segmenter|segmentare|segmentacion|segmentierung|segmentazione|segmentering|segmentacao|segmentatie|netzsegment\w*)\b/,
    why: 'network segmentation needs equipment and planning',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(pen(etration)?[- ]?test(s|ing)?|pentests?|red team\w*|pruebas? de penetracion|penetrationstests?|test di penetrazione|penetrasjonstest\w*|test d'intrusion|tests? d'intrusion|teste de intrusao|penetratietest\w*)\b/,
    why: 'a penetration test is a paid engagement',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(siem|edr|xdr|mdr|soc as a service|managed detection|mdm|mobile device management|dlp|data loss prevention|casb|pam tool|privileged access management|password manager|sso|single sign-on|identity provider|hardware tokens?|security keys?|yubikeys?|fido2? keys?|biometric\w*|badge (system|readers?|access system)|card readers?|key ?card system|access control system|cctv|security cameras?|video surveillance|alarm system|intrusion detection|ids\/ips|ips\/ids|waf|web application firewall|next[- ]gen(eration)? firewall|ngfw|utm|secure e-?mail gateway|email security gateway|vulnerability scann(er|ing tool)|cspm|cloud security posture|api gateway|network access control|ups units?|uninterruptible power|generators?|generador|notstrom\w*|gruppo di continuita|nodstrom|groupe electrogene|gerador|noodstroom\w*)\b/,
    why: 'this is a product or service with licence or running costs',
  },
  {
    tier: 'Budget decisions',
    pattern: /\b(alerting|monitoring|surveillance|alarm|ticketing|logging) (systems?|solutions?|platforms?|tools?|services?)\b/,
    why: 'a monitoring or alerting system is a product with running costs',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b((secure|encrypted) (messaging|texting|e-?mail|file sharing) (apps?|platforms?|services?|solutions?)|(messaging|texting) apps?)\b/,
    why: 'a secure messaging or e-mail service is a subscription',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(redundan(cy|t)|failover|warm standby|hot site|cold site|dr site|secondary (site|data ?cent(er|re))|high availability|immutable backups?|offsite immutable|backup appliance|continuous data protection|backup systems?)\b/,
    why: 'redundancy and new backup infrastructure need capital and planning',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(implement|implementing|deploy|deploying|install|introduce|roll out|rollout|stand up|set up|adopt|build|implementar|instalar|implementieren|einfuhren|einfuehren|installieren|implementare|installare|implementere|innfore|installere|implementer|deployer|installer|mettre en place|implantar|implementeren|invoeren|installeren)\b.*\b(system|systems|solution|solutions|tool|tools|tooling|software|platform|platforms|appliance|product|agents?|suite|sistema|sistemas|herramientas?|werkzeug\w*|strumento|strumenti|verktoy|outils?|ferramentas?|systeem|oplossing)\b/,
    why: 'a new system or tool is a purchase with running costs',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b((formal|structured|recurring|mandatory|comprehensive|role[- ]based|online|paid|annual) (security |hipaa |privacy |workforce |awareness )*training (program|programme|platform|curriculum|course|vendor|service)s?|training (program|programme|platform|curriculum|course|vendor|service)s?|awareness (program|programme|platform)s?|learning management system|lms|phishing simulations?|simulated phishing|phishing campaigns?|programa de (capacitacion|formacion)|schulungsprogramm|programma di formazione|opplaeringsprogram|programme de formation|programa de treinamento|trainingsprogramma)\b/,
    why: 'a formal training programme or phishing-simulation service is an ongoing cost',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(hire|hiring|recruit\w*|new (staff|employee|position|hire)|full[- ]time|headcount|outsource\w*|external (audit|assessment|assessor|consultant)|third[- ]party (audit|assessment|assessor|risk analysis)|consultants?|consulting firm|certification audit|contratar (personal|una empresa|consultor\w*)|personal einstellen|berater\w*|consulent\w*|konsulent\w*|consultant|consultor(es|ia)?|adviseur\w*)\b/,
    unless: /\b(vendor|it provider|msp)\b/,
    why: 'outside experts or new staff need a budget decision',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(budget\w*|capex|capital|funding|fund|invest\w*|licen[cs](e|es|ing)|subscriptions?|quotes?|presupuesto|inversion|haushalt|investition\w*|investimento|budsjett|investering|investissement|orcamento|investering)\b/,
    unless: /\bno (budget|cost)\b/,
    why: 'the action names money',
  },
  {
    tier: 'Budget decisions',
    pattern:
      /\b(renovat\w*|construct\w*|rebuild|relocate (the )?(server|records)|install (new )?(doors?|walls?|locks? system)|rewir\w*|reconstru\w*)\b/,
    why: 'building work needs capital and planning',
  },
  // ------------------------------------------------------------------ Vendor conversations
  {
    tier: 'Vendor conversations',
    pattern:
      /\b(baas?|business associate(s| agreements?| contracts?)?|subcontractor agreements?|data processing agreements?|dpas?|encargados? del tratamiento|contrato de encargo|auftragsverarbeitung\w*|avv|responsabile del trattamento|databehandleravtale\w*|databehandler\w*|sous-traitan\w*|operador(es)? de dados|verwerkersovereenkomst\w*|verwerker\w*)\b/,
    why: 'a business associate agreement is signed with the vendor',
  },
  {
    tier: 'Vendor conversations',
    pattern: new RegExp(`\\b(${VENDOR_WORDS})\\b`),
    unless: VENDOR_PAPERWORK,
    why: 'the vendor or provider has to do or confirm this',
  },
  {
    tier: 'Vendor conversations',
    pattern:
      /\b(soc ?2|soc reports?|soc ?1|hitrust (letter|report|certificate)|bridge letters?|(vendor|security) questionnaires?|vendor (attestation|assurance|confirmation|due diligence|security review|review)s?|(attestation|assurance|confirmation) (from|by) the|sla|slas|service level agreements?|contracts? (with|renewal|terms|clause)|(hosting|vendor|service|support|it|maintenance) contracts?|contract renewal|contractual|written assurance\w*)\b/,
    why: 'the provider has to supply or agree to this',
  },
  {
    tier: 'Vendor conversations',
    pattern:
      /\b(ask|asking|confirm|confirming|verify with|request|requesting|obtain|obtaining|contact|call|email|e-mail|escalate to|check with|work with|coordinate with|have|get|negotiate with|preguntar|solicitar|pedir|anfragen|nachfragen|bestatigen lassen|chiedere|richiedere|sporre|be om|demander|solliciter|pedir|vragen|opvragen)\b.*\b(ehr|emr|host|hoster|hosting|cloud|carrier|microsoft|google|epic|cerner|athena\w*|eclinicalworks|nextgen|kareo|dentrix|zoom|amazon|aws|azure|isp|telco)\b/,
    why: 'it takes a call or e-mail to the provider',
  },
  // ------------------------------------------------------------------ This week
  {
    tier: 'This week',
    pattern:
      /\b(mfa|2fa|multi[- ]?factor|two[- ]?factor|2[- ]?step|two[- ]step|second factor|mehr-?faktor\w*|zwei-?faktor\w*|2-faktor\w*|doble factor|autenticacion (multifactor|de dos factores|en dos pasos)|autenticazione (a due fattori|multifattore|a piu fattori)|tofaktor\w*|to-faktor\w*|tostegs\w*|authentification (multifacteur|a deux facteurs|forte)|double authentification|autenticacao (multifator|de dois fatores)|tweestapsverificatie|tweefactor\w*|multifactor\w*)\b/,
    why: 'turning on multi-factor authentication needs no budget',
  },
  {
    tier: 'This week',
    pattern:
      /\b(departed|terminated|former|separated|exiting|leaving|ex-?)\s*(staff|employees?|users?|workforce|members?|personnel|contractors?|workers?)\b|\b(termination|offboarding|off-boarding|deprovision\w*|leavers?)\b/,
    why: "removing a departed person's access is an immediate, no-cost step",
  },
  {
    tier: 'This week',
    pattern:
      /\b(revoke|revoking|disable|disabling|disablement|deactivate|remove|removing|delete|suspend|lock out|block|terminate|expire|close|restrict|restricting|limit|limiting|review|reviewing|recertify|revocar|desactivar|eliminar|quitar|restringir|entziehen|sperren|deaktivieren|entfernen|einschranken|revocare|disattivare|rimuovere|limitare|fjerne|deaktivere|stenge|begrense|revoquer|desactiver|supprimer|retirer|restreindre|revogar|desativar|remover|restringir|intrekken|uitschakelen|verwijderen|beperken)\b.*\b(access|accounts?|log-?ins?|logons?|credentials?|users?|badges?|keys?|admin(istrator)? (rights|access|accounts?|privileges?)|privileges?|privileged|permissions?|rights|roles?|shared (logins?|accounts?)|generic accounts?|guest accounts?|default accounts?|service accounts?|acceso|accesos|cuentas?|usuarios?|permisos|zugang\w*|zugriff\w*|konten|konto|benutzer\w*|berechtigung\w*|accessi|accesso|utenz[ae]|account|tilgang\w*|kontoer|brukere|acces|comptes?|utilisateurs?|droits|acessos?|contas?|usuarios|toegang\w*|gebruikers?|rechten)\b/,
    why: 'revoking, restricting or reviewing access is an immediate, no-cost step',
  },
  {
    tier: 'This week',
    pattern:
      /\b(accounts?|access|users?|credentials?|logins?)\b.*\b(disablement|removal|revocation|deactivation|deprovisioning|not (disabled|removed|revoked|deactivated))\b/,
    why: 'disabling or removing accounts is an immediate, no-cost step',
  },
  {
    tier: 'This week',
    pattern:
      /\b(access reviews?|review (of )?(user )?access|user access review|access recertification|recertif\w*|least privilege|role[- ]based (access|permissions?)|rbac|need[- ]to[- ]know|minimum necessary|audit[- ]?logs? reviews?|review (the )?(audit |access |system |event |security )?logs?|log reviews?|review audit trails?|access audits?|permission reviews?|admin rights|local admin\w*|revisar accesos|revision de accesos|zugriffsrechte pruefen|berechtigungen pruefen|rezertifizierung|revisione degli accessi|tilgangsgjennomgang|revue des acces|revisao de acessos|toegangsreview)\b/,
    why: 'reviewing access or logs is staff time, not spending',
  },
  {
    tier: 'This week',
    pattern: /\b(notice of privacy practices|npp|privacy notice)\b/,
    why: 'updating the Notice of Privacy Practices is a document change',
  },
  {
    tier: 'This week',
    pattern:
      /\b(sanctions?|sanction polic\w*|confidentiality (agreements?|statements?)|acknowledg\w*|attest\w*|sign\w* (the )?(agreements?|policy|policies|forms?|statements?)|rules of behaviou?r|rob|code of conduct|sanciones|sanktion\w*|sanzion\w*|sanksjon\w*|sancoes|sanctie\w*|verschwiegenheit\w*|vertraulichkeit\w*|riservatezza|taushetserklaering|confidentialite|confidencialidad|confidencialidade|geheimhouding\w*)\b/,
    why: 'a sanctions policy or signed agreement is paperwork, not spending',
  },
  {
    tier: 'This week',
    pattern: new RegExp(
      `\\b(write|draft|update|revise|adopt|approve|publish|distribute|document|documenting|create|develop|define|establish|formalize|formalise|review|finalize|finalise|redactar|actualizar|documentar|elaborar|definir|establecer|erstellen|aktualisieren|uberarbeiten|ueberarbeiten|dokumentieren|festlegen|definieren|redigere|aggiornare|documentare|definire|stabilire|skrive|oppdatere|dokumentere|utarbeide|rediger|mettre a jour|documenter|definir|etablir|rediger|atualizar|documentar|elaborar|definir|estabelecer|opstellen|bijwerken|documenteren|vastleggen)\\b.*\\b(${DOCUMENTS})\\b|\\b(${DOCUMENTS})\\b`,
    ),
    why: 'writing or updating a policy, procedure or plan is a document change',
  },
  {
    tier: 'This week',
    pattern:
      /\bpasswords?\b|\b(passphrases?|pins?|default credentials|contrasenas?|passwort\w*|kennwort\w*|passord\w*|mots? de passe|senhas?|wachtwoord\w*|password policy|complexity|14 char\w*)\b/,
    why: 'changing passwords or the password rules costs nothing',
  },
  {
    tier: 'This week',
    pattern:
      /\b(screen[- ]?locks?|lock[- ]?screens?|auto(matic)?[- ]?locks?|automatic (lock|log-?off|logoff|logout|sign-?out)|auto[- ]?log-?offs?|auto[- ]?logout|inactivity (lock|timeout|time-?out)|idle time-?outs?|session (time-?outs?|locks?)|re-?authenticat\w*|re-?log ?in|screen ?savers?|bloqueo (de pantalla|automatico)|bildschirmsperre\w*|sperrbildschirm|blocco (dello )?schermo|skjermlas\w*|verrouillage (d'ecran|automatique|de session)|bloqueio de tela|schermvergrendeling|time-?out)\b/,
    why: 'screen locks and automatic log-off are settings, not purchases',
  },
  {
    tier: 'This week',
    pattern:
      /\b(enable|enabling|turn on|switch on|activate|enforce|enforcing|configure|configuring|set|set up|require|requiring|harden|hardening|activar|habilitar|configurar|aktivieren|einschalten|konfigurieren|erzwingen|attivare|abilitare|configurare|aktivere|sla pa|konfigurere|activer|configurer|imposer|ativar|habilitar|inschakelen|activeren|configureren|afdwingen)\b.*\b(bitlocker|filevault|device encryption|full[- ]disk encryption|disk encryption|encryption|encrypt\w*|firewall|automatic updates|auto[- ]?updates?|windows update|audit log\w*|audit trail\w*|logging|alerts?|alerting|notifications?|spam filter\w*|junk filter|safe links|safe attachments|lockout|account lockout|complexity|tls|https|secure boot|remote wipe|find my|guest network|wpa[23]|backups?|versioning|retention|settings?|policy|policies|cifrado|verschlusselung\w*|cifratura|kryptering\w*|chiffrement|criptografia|versleuteling)\b/,
    why: 'turning on a built-in setting needs no budget',
  },
  {
    tier: 'This week',
    pattern:
      /\b(disable|disabling|turn off|switch off|block|blocking|close|closing|restrict|restricting|deny|uninstall|remove)\b.*\b(tls ?1\.?[01]|ssl|smbv?1|rdp|remote desktop|telnet|ftp|ports?|services?|protocols?|macros?|autorun|autoplay|usb|removable media|legacy auth\w*|basic auth\w*|guest wi-?fi|public sharing|anonymous|firewall rules?|forwarding|auto-?forward\w*)\b/,
    why: 'switching off an unsafe feature is a setting, not a purchase',
  },
  {
    tier: 'This week',
    pattern:
      /\b((test|testing|verify|verifying|check|checking|validate|validating|perform|run|conduct|schedule)\b.*\b(restor\w*|recover(y|ies)|backups?)|restore tests?|test restores?|restoration tests?|recovery tests?|backup tests?|backup verification|pruebas? de restauracion|wiederherstellung\w* testen|wiederherstellungstest\w*|test di ripristino|gjenopprettingstest\w*|test de restauration|teste de restauracao|hersteltest\w*)\b/,
    why: 'testing a restore is staff time',
  },
  {
    tier: 'This week',
    pattern:
      /\b(apply|applying|install|installing|run|deploy|push)\b.*\b(patch(es)?|updates?|security updates?|service packs?|hotfix\w*|firmware)\b|\b(patch(es|ing)?|update (windows|the os|operating systems?|browsers?|software|firmware|antivirus|definitions))\b|\bparche\w*|\bsicherheitsupdates?\b|\baggiornament\w*|\boppdatering\w*|\bcorrectifs?\b|\batualizac\w*|\bbeveiligingsupdates?\b/,
    why: 'installing available patches is staff time',
  },
  {
    tier: 'This week',
    pattern:
      /\b(train|training|trained|retrain|educate|education|remind\w*|brief\w*|huddles?|staff meetings?|in-?service|tabletop\w*|drills?|awareness|onboarding|capacita\w*|formacion|sensibiliza\w*|schul\w*|unterweis\w*|sensibilisier\w*|formazione|formare|addestra\w*|opplaering|laere opp|kurs|formation|former|sensibilis\w*|treinamento|treinar|conscientizacao|instrueren|opleiding|bewustwording\w*|trainen)\b/,
    why: 'training staff in-house needs no budget',
  },
  {
    tier: 'This week',
    pattern:
      /\b(lock|locking|locked|keep locked|lockable|shred\w*|clean desk|privacy (screens?|filters?)|screen (filters?|protectors?)|(move|turn|reposition|angle|relocate)\b.*\b(monitors?|screens?|fax( machines?)?|printers?|computers?|pcs?)|visitor (logs?|sign-?in|badges?|escorts?)|sign-?in sheets?|escort\w*|key (logs?|holders?|control|inventory)|collect (keys|badges)|cabinet|drawer|secure (the )?(area|room|closet)|cerrar con llave|destruir|trituradora|abschlie\w*|schredder\w*|aktenvernicht\w*|chiudere a chiave|distrugge\w*|trituratore|lase|makulere\w*|verrouiller|dechiquet\w*|destruir|trancar|fragment\w*|afsluiten|versnipper\w*)\b/,
    unless: /\b(shredding (company|service|vendor)|badge (system|readers?)|card readers?)\b/,
    why: 'physical fixes like locks, shredding and screen placement cost little or nothing',
  },
  {
    tier: 'This week',
    pattern:
      /\b(inventor(y|ies)|asset lists?|device lists?|data ?flows?|map (the )?ephi|ephi (locations?|map|inventory)|system inventory|inventario|inventar|bestandsaufnahme|inventario|oversikt|inventaire|inventario|inventaris)\b/,
    unless: /\bvendor inventory tool\b/,
    why: 'listing assets and where ePHI lives is staff time',
  },
  {
    tier: 'This week',
    pattern:
      /\b(incident (log|report\w*|register)|breach log|report (incidents|suspicious)|reporting (procedure|channel)|designate|appoint|assign (a |the )?(privacy|security) officer|name (a |the )?(privacy|security) officer|responsib\w* (matrix|assignment)|raci)\b/,
    why: 'naming a person or keeping a log is paperwork',
  },
  {
    tier: 'This week',
    pattern: /\b(antivirus|anti-virus|anti-malware|defender|malware protection|virus definitions|spam filters?|e-?mail filter\w*)\b/,
    weak: true,
    why: 'the built-in protection only needs turning on',
  },
  {
    tier: 'This week',
    pattern: /\b(encrypt\w*|cifra\w*|verschlussel\w*|crittogra\w*|krypter\w*|chiffr\w*|criptograf\w*|versleutel\w*)\b/,
    weak: true,
    why: 'encryption is usually a built-in setting',
  },
  {
    tier: 'This week',
    pattern:
      /\b(monitor\w*|audit\w*|review\w*|check\w*|verify\w*|validat\w*|track\w*|log\w*|record\w*|document\w*|test\w*|exercise\w*|backups?|back-?ups?|access control\w*|permissions?|firewall\w*|configuration\w*|hardening|tls|segregat\w*|revisar|supervis\w*|uberwach\w*|ueberwach\w*|prufen|pruefen|kontroll\w*|monitora\w*|verifica\w*|overvak\w*|kontrollere|surveill\w*|verifier|monitorar|controlar|controleren|bewaken)\b/,
    weak: true,
    why: 'checking, recording or configuring something is staff time',
  },
  {
    tier: 'Vendor conversations',
    pattern:
      /\b(third[- ]part(y|ies)|external (party|parties|provider|service)|outside (company|firm|provider)|cloud (storage|service|backup)|hosted|saas)\b/,
    weak: true,
    why: 'an outside party is involved',
  },
];

/** Words in an explicit tier column that name a tier. Checked in this order. */
const TIER_NAMES: readonly { tier: ChosenTier; pattern: RegExp }[] = [
  { tier: 'This week', pattern: /\b(this week|no[- ]?budget|quick win|immediate)\b/i },
  { tier: 'Vendor conversations', pattern: /\bvendors?\b/i },
  { tier: 'Budget decisions', pattern: /\b(budget|capital)\b/i },
];

export interface TierResult {
  tier: Tier;
  /** One line: why this tier, or why none. */
  reason: string;
  /** The three tiers, the engine's best guess first (for the pane's buttons). */
  guesses: readonly ChosenTier[];
  /** True when the sheet's own tier column decided. */
  fromColumn?: boolean;
}

/** What the classifier reads from an entry (all optional but the texts). */
export interface TierInput {
  action: string | null;
  risk: string | null;
  tierText: string | null;
  owner?: string | null;
  ownerText?: string | null;
  /** A cost / resources / effort / budget column. */
  cost?: string | null;
  /** A vendor-dependency column ("Yes" / "No" / a product name). */
  vendorDependency?: string | null;
  vulnerability?: string | null;
  threat?: string | null;
}

/** What the vocabulary makes of one text: the most demanding tier found and its evidence. */
export interface TextVerdict {
  tier: ChosenTier | null;
  /** The matched words and the rule's why, for the reason. */
  match: string;
  why: string;
  /** Only weak rules matched. */
  weak: boolean;
  /** Evidence per tier (strong 3, weak 1), for ordering the guesses. */
  weights: [number, number, number];
  /** The text had more than one part and the decision came from one of them. */
  parts: number;
}

const NO_VERDICT: TextVerdict = Object.freeze({
  tier: null,
  match: '',
  why: '',
  weak: false,
  weights: [0, 0, 0] as [number, number, number],
  parts: 0,
});

/** Lower case, accents removed, so one accent-free vocabulary serves every language. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII (most registers) has no accents to remove: skip the costly normalization.
  if (!/[^\x00-\x7f]/.test(lower)) return lower.includes('&') ? lower.replace(/&/g, ' and ') : lower;
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øœ]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/&/g, ' and ');
}

/** A multi-part action's parts: split at ";", line breaks, bullets, "+", sentence ends, and "and" between clauses. */
export function actionParts(folded: string): string[] {
  return folded
    .split(/[;,\n\r\u2022\u00b7|]+|\.\s+|\s\+\s|\s(?:and then|then|and also|and|as well as|plus|y|e|et|og|en|und|sowie|ed)\s/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The vocabulary's verdict on one text (an action, or the risk text when the action is thin). */
export function classifyText(text: string, strongOnly = false): TextVerdict {
  const folded = foldText(text);
  const parts = actionParts(folded);
  if (parts.length === 0) return NO_VERDICT;
  const weights: [number, number, number] = [0, 0, 0];
  let best: { demand: number; rule: TierRule; match: string } | null = null;
  let bestWeak: { demand: number; rule: TierRule; match: string } | null = null;
  for (const part of parts) {
    for (const rule of TIER_RULES) {
      if (strongOnly && rule.weak) continue;
      const m = rule.pattern.exec(part);
      if (!m) continue;
      if (rule.unless && rule.unless.test(part)) continue;
      const demand = TIER_DEMAND.indexOf(rule.tier);
      weights[demand] += rule.weak ? 1 : 3;
      const hit = { demand, rule, match: m[0].trim() };
      if (rule.weak) {
        if (!bestWeak || demand > bestWeak.demand) bestWeak = hit;
      } else if (!best || demand > best.demand) {
        best = hit;
      }
    }
  }
  const decided = best ?? bestWeak;
  if (!decided) return { ...NO_VERDICT, weights };
  return {
    tier: decided.rule.tier,
    match: shorten(decided.match),
    why: decided.rule.why,
    weak: !best,
    weights,
    parts: parts.length,
  };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// ------------------------------------------------------------------ the other columns

/** Owners that are an outside company: the practice has to call them. */
const VENDOR_OWNER = new RegExp(
  `\\b(${VENDOR_WORDS}|web ?host\\w*|hosting|host company|consultants?|contractors?|third[- ]party|external|outsourced|extern\\w*|esterno|ekstern|externe?|externo|inc|llc|l\\.l\\.c|ltd|gmbh|corp|corporation|plc|s\\.?a\\.?s?|srl|bv|a\\/s|solutions|technologies|technology group|networks|consulting|it services|managed services|` +
    'epic|cerner|oracle health|athena\\w*|eclinicalworks|ecw|nextgen|kareo|tebra|drchrono|allscripts|veradigm|meditech|greenway|advancedmd|practice fusion|dentrix|eaglesoft|open dental|henry schein|patterson|' +
    'microsoft|google|amazon|aws|azure|zoom|doxy\\.?me|datto|kaseya|connectwise|iron mountain|shred-it|comcast|verizon|at&t|spectrum)\\b',
);
/** Internal roles that mention vendors but are the practice's own people. */
const INTERNAL_OWNER = /\b(vendor (management|risk|manager|relationship)|procurement|purchasing|internal|in-house|practice|office|our )\b/;

/** True when the owner is an outside company (IT vendor, MSP, a company name). */
export function ownerIsVendor(owner: string | null | undefined): boolean {
  if (!owner?.trim()) return false;
  const folded = foldText(owner);
  if (INTERNAL_OWNER.test(folded) && !/\bit vendor\b|\bmsp\b/.test(folded)) return false;
  return VENDOR_OWNER.test(folded);
}

export type CostSignal = 'none' | 'small' | 'spend' | null;

/** Below this amount a purchase is petty cash, not a budget decision (a lock, a screen filter). */
export const SMALL_PURCHASE_LIMIT = 500;

const NO_COST =
  /^(none|no|nil|zero|0|0\.0+|free|no cost|no charge|no additional cost|n\/?a|-+|staff time|staff hours?|time only|internal( staff| resources| time)?|in[- ]house|existing( staff| resources| tools| licen[cs]es?| budget)?|minimal|low|included|covered|kostenlos|keine|gratis|ninguno|nada|gratuit|aucun|gratuito|nessuno|ingen|gratis|nenhum|geen|intern\w*)\b/;
const SPEND_WORDS =
  /\b(licen[cs]e\w*|subscription\w*|capital|capex|funding|budget( request| approval| needed| required)?|purchase|hardware|contractor|consultant|quote|high|significant|major|large|inversion|presupuesto|investition|anschaffung|investimento|investering|investissement|orcamento|kosten hoch)\b/;

/** What a cost / resources / effort / budget cell says about money. */
export function costSignal(cost: string | null | undefined): CostSignal {
  const text = cost?.trim();
  if (!text) return null;
  const folded = foldText(text);
  const amount = amountIn(folded);
  if (amount !== null) return amount === 0 ? 'none' : amount < SMALL_PURCHASE_LIMIT ? 'small' : 'spend';
  if (NO_COST.test(folded)) return 'none';
  if (SPEND_WORDS.test(folded)) return 'spend';
  return null;
}

/** The largest amount of money in a text ("$1,200", "2k", "EUR 500", "1.5m"), or null. */
function amountIn(folded: string): number | null {
  const re = /(?:[$€£]|usd|eur|gbp|nok|chf)?\s*(\d{1,3}(?:[,.\s]\d{3})+|\d+(?:[.,]\d+)?)\s*(k|m|mil|tsd|thousand|million)?\b/g;
  let best: number | null = null;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const before = folded.slice(Math.max(0, m.index - 1), m.index);
    // "1-6 months", "Q3": a number that is not money.
    if (/\d\s*(months?|weeks?|days?|hours?|hrs?|h|fte|%)/.test(folded.slice(m.index, m.index + m[0].length + 8)) && !/[$€£]/.test(m[0]))
      continue;
    if (/[a-z]/.test(before)) continue;
    const digits = m[1].replace(/[,\s]/g, '').replace(/\.(?=\d{3}\b)/g, '');
    let n = Number(digits.replace(',', '.'));
    if (!Number.isFinite(n)) continue;
    const unit = m[2];
    if (unit === 'k' || unit === 'tsd' || unit === 'thousand') n *= 1000;
    else if (unit === 'm' || unit === 'mil' || unit === 'million') n *= 1_000_000;
    if (best === null || n > best) best = n;
  }
  return best;
}

/** What a vendor-dependency cell says: true (depends on a vendor), false, or null (blank / unclear). */
export function vendorDependencySignal(value: string | null | undefined): boolean | null {
  const text = value?.trim();
  if (!text) return null;
  const folded = foldText(text);
  if (/^(no|n|false|none|0|nein|nee|nei|non|nao|n\/?a|-)$/.test(folded)) return false;
  if (/^(yes|y|true|x|1|ja|si|oui|sim|vendor\w*|pending vendor\w*)$/.test(folded)) return true;
  // A product name ("Epic Hyperspace") also says a vendor is involved.
  return /[a-z]/.test(folded) ? true : null;
}

// ------------------------------------------------------------------ the decision

function tierNamed(text: string | null): ChosenTier | null {
  const stated = text?.trim();
  if (!stated) return null;
  return TIER_NAMES.find((n) => n.pattern.test(stated))?.tier ?? null;
}

/** The six orders of the three tiers, shared (frozen): a result per entry allocates none. */
const ORDERS: readonly (readonly ChosenTier[])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
].map((o) => Object.freeze(o.map((i) => TIER_DEMAND[i])));

function orderOf(a: number, b: number, c: number): readonly ChosenTier[] {
  return ORDERS.find((o) => o[0] === TIER_DEMAND[a] && o[1] === TIER_DEMAND[b] && o[2] === TIER_DEMAND[c])!;
}

/** The three tiers ordered by evidence, `first` (when given) in front; ties in demand order. */
function orderGuesses(weights: readonly number[], first: ChosenTier | null): readonly ChosenTier[] {
  const f = first ? TIER_DEMAND.indexOf(first) : -1;
  // Three numbers at most: an insertion sort in place of filter + sort, which allocate on every risk.
  const rest: number[] = [];
  for (let i = 0; i < 3; i++) {
    if (i === f) continue;
    let at = rest.push(i) - 1;
    for (; at > 0 && weights[rest[at - 1]] < weights[i]; at--) rest[at] = rest[at - 1];
    rest[at] = i;
  }
  return f >= 0 ? orderOf(f, rest[0], rest[1]) : orderOf(rest[0], rest[1], rest[2]);
}

/**
 * The tier of an entry, with the reason in one line and the guesses for the pane.
 * `verdictOf` classifies a text; the analysis passes a memoized one (registers repeat actions).
 */
export function classifyTier(
  entry: TierInput,
  verdictOf: (text: string) => TextVerdict = classifyText,
  riskVerdictOf: (text: string) => TextVerdict = (text) => classifyText(text, true),
): TierResult {
  const stated = entry.tierText?.trim() ?? '';
  const named = tierNamed(stated);
  const action = entry.action?.trim() ?? '';
  const fromAction = action ? verdictOf(action) : NO_VERDICT;
  // A thin action (nothing the vocabulary knows) falls back on the risk text. Only strong evidence
  // counts there: a risk that mentions "backups" says nothing about the fix.
  const riskText = fromAction.tier ? '' : riskTextOf(entry);
  const riskVerdict = riskText ? riskVerdictOf(riskText) : NO_VERDICT;
  const fromRisk = riskVerdict.weak ? { ...NO_VERDICT, weights: riskVerdict.weights } : riskVerdict;
  const text = fromAction.tier ? fromAction : fromRisk;
  const source = fromAction.tier ? 'action' : 'risk';

  const cost = costSignal(entry.cost);
  const owner = entry.owner ?? entry.ownerText ?? null;
  const vendorOwner = ownerIsVendor(owner);
  const dependency = vendorDependencySignal(entry.vendorDependency);
  const vendor = vendorOwner || dependency === true;

  const weights = [...text.weights];
  if (cost === 'spend') weights[2] += 4;
  if (cost === 'none' || cost === 'small') weights[0] += 2;
  if (vendor) weights[1] += 4;

  if (named)
    return { tier: named, reason: `The sheet's tier column says "${stated}".`, guesses: orderGuesses(weights, named), fromColumn: true };

  const said = text.tier ? `The ${source} mentions "${text.match}": ${text.why}` : '';
  const vendorWhy = vendorOwner
    ? `the owner "${owner?.trim()}" is an outside company`
    : `the vendor-dependency column says "${entry.vendorDependency?.trim() ?? ''}"`;

  // The cost column is the practice's own word on money.
  if (cost === 'spend') {
    const why = `the cost column says "${entry.cost!.trim()}", which needs a budget decision`;
    return done('Budget decisions', said && text.tier === 'Budget decisions' ? `${said}; ${why}.` : capital(why) + '.', weights);
  }
  if (cost === 'none' || cost === 'small') {
    const costWhy = `the cost column says "${entry.cost!.trim()}"`;
    if (vendor) return done('Vendor conversations', `${capital(vendorWhy)} and ${costWhy}: a conversation, not a purchase.`, weights);
    if (text.tier === 'Vendor conversations') return done('Vendor conversations', `${said}; ${costWhy}.`, weights);
    return done('This week', `${capital(costWhy)}: no budget needed${text.tier === 'This week' ? ` (${text.match})` : ''}.`, weights);
  }

  if (text.tier === 'Budget decisions') return done('Budget decisions', `${said}.`, weights);
  if (vendor) {
    return done(
      'Vendor conversations',
      text.tier
        ? `${said}; ${vendorWhy}, so it takes a conversation with them.`
        : `${capital(vendorWhy)}, so it takes a conversation with them.`,
      weights,
    );
  }
  if (text.tier) return done(text.tier, `${said}${source === 'risk' ? ' (the action itself says too little)' : ''}.`, weights);
  if (dependency === false && action) {
    // "No vendor dependency" alone does not say whether money is needed.
  }
  const guesses = orderGuesses(weights, null);
  const what = action ? 'The action does not say whether it needs money, a vendor or only staff time' : 'There is no action to classify';
  return { tier: 'Unclassified', reason: `${what}; choose a tier (best guess: ${guesses[0]}).`, guesses };
}

function riskTextOf(entry: TierInput): string {
  const risk = entry.risk?.trim();
  const vulnerability = entry.vulnerability?.trim();
  const threat = entry.threat?.trim();
  // Most registers name the risk in one column: no list to join (the text is the same either way).
  if (!vulnerability && !threat) return risk ?? '';
  return [risk, vulnerability, threat].filter(Boolean).join('; ');
}

/**
 * The inputs `classifyTier` reads when the action names a tier (the risk texts then play no part),
 * as one string, for a memo: entries that share it share the result.
 */
export function tierInputKey(entry: TierInput): string {
  const sep = '\u0001';
  return `${entry.action ?? ''}${sep}${entry.owner ?? entry.ownerText ?? ''}${sep}${entry.cost ?? ''}${sep}${entry.vendorDependency ?? ''}${sep}${entry.tierText ?? ''}`;
}

function done(tier: ChosenTier, reason: string, weights: number[]): TierResult {
  return { tier, reason, guesses: orderGuesses(weights, tier) };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The plan's one line on "Unclassified". */
export const UNCLASSIFIED_NOTE =
  'Unclassified: the workbook does not say whether these need money, a vendor or only staff time. Choose a tier for each in the task pane (Review step); the choice is saved in the workbook and used from then on.';

/**
 * The stable key under which the user's tier choice for an entry is saved: the sheet and the
 * entry's ID, or (no ID) its risk and action texts folded, so inserting rows does not move it.
 */
export function tierChoiceKey(entry: Pick<Entry, 'sheet' | 'id' | 'risk' | 'action'>): string {
  const id = entry.id?.trim();
  if (id) return `${entry.sheet}\u0001id\u0001${id}`;
  const fold = (t: string | null) => (t ? foldText(t).replace(/\s+/g, ' ').trim() : '');
  return `${entry.sheet}\u0001text\u0001${fold(entry.risk)}\u0001${fold(entry.action)}`;
}
