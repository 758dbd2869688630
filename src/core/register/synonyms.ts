/**
 * THE synonym table: header words -> column role, with how sure we are.
 * Registers and CAP trackers share it. A header is matched by its longest phrase
 * (so "Risk Owner" is an owner, not a risk), then by confidence.
 * A phrase mapped to `null` blocks a shorter phrase ("Asset Value" is not an asset).
 */
import type { Role } from '../model';
import { normalizeWords } from './text';

/** role, confidence, phrases; `values` marks a reading the column's values must confirm (a bare "Risk" of numbers is the score). */
type Row = [role: Role | null, confidence: number, phrases: string[], needs?: 'values'];

/*
 * Phrases are written as people type them; they are normalized (case, accents, punctuation, line
 * breaks) when the table is built. English first, then Spanish, Portuguese, French, Italian, German,
 * Dutch, Norwegian and Russian, in that order inside each row.
 */
const TABLE: Row[] = [
  ['id', 0.98, ['risk id', 'poam id', 'poa and m id', 'poam item id', 'poam item', 'poa and m item', 'finding id', 'finding identifier', 'vulnerability id', 'weakness id', 'issue id', 'cap id', 'cap item', 'cap item id', 'capa id', 'capa no', 'remediation id', 'deficiency id', 'action item id', 'risk ref', 'risk no', 'risk number', 'risk #', 'finding number', 'finding #', 'item id', 'ref no', 'reference no', 'reference number',
    'id riesgo', 'id del riesgo', 'codigo del riesgo', 'numero de riesgo', 'id do risco', 'codigo do risco', 'id risque', 'numero du risque', 'id rischio', 'codice rischio', 'risiko id', 'risiko nr', 'risikonummer', 'rnr', 'risico id', 'risiconummer', 'risiko nummer', 'id риска', 'номер риска']],
  ['id', 0.9, ['id', 'ref', '#', 'action id', 'sr no', 's no', 'serial no', 'item no', 'item #', 'no', 'nr', 'num', 'numero', 'consecutivo', 'codigo', 'codice', 'lfd nr', 'nummer', 'kode', 'номер', 'no п п', 'п п']],
  ['id', 0.75, ['reference', 'number', 'item', 'identifier', 'code']],
  ['risk', 0.98, ['risk title', 'risk name', 'weakness name', 'weakness title', 'finding title', 'finding name', 'vulnerability name', 'titulo del riesgo', 'riesgo identificado', 'nombre del riesgo', 'titulo do risco', 'risco identificado', 'titre du risque', 'titolo del rischio', 'risikotitel', 'risikobezeichnung', 'risicotitel', 'risikonavn']],
  ['risk', 0.96, ['risk description', 'risk statement', 'risk scenario', 'risk identified', 'identified risk', 'finding description', 'weakness description', 'deficiency description', 'description of risk', 'description of finding', 'risk event',
    'descripcion del riesgo', 'descripcion riesgo', 'descripcion de riesgo', 'riesgo descripcion', 'descricao do risco', 'descricao risco', 'description du risque', 'descrizione del rischio', 'descrizione rischio', 'rischio identificato', 'risikobeschreibung', 'beschreibung des risikos', 'risicobeschrijving', 'omschrijving risico', 'risikobeskrivelse', 'beskrivelse av risiko', 'описание риска']],
  ['risk', 0.9, ['uonsket hendelse', 'hendelse', 'hendelser', 'risikohendelse', 'evento de riesgo', 'evento', 'eventos', 'evenement redoute', 'evenement', 'scenario de risque', 'scenario di rischio', 'escenario de riesgo', 'ereignis', 'risikoereignis', 'gebeurtenis', 'ongewenste gebeurtenis', 'scenario', 'escenario', 'risk scenario description', 'событие', 'nonconformance', 'nonconformity', 'non conformance', 'non conformity', 'description of nonconformance', 'description of nonconformity', 'problem description', 'issue title', 'finding', 'findings', 'deficiency', 'deficiencies', 'weakness', 'issue description', 'gap description', 'observation', 'audit finding', 'hazard', 'hazards', 'hallazgo', 'constatation', 'feststellung', 'bevinding', 'gevaar', 'gevaren', 'peligro', 'perigo', 'pericolo', 'gefahr', 'gefahrdung', 'gefahrdungen', 'fare']],
  ['risk', 0.75, ['risk', 'risks', 'issue', 'gap', 'riesgo', 'riesgos', 'risco', 'riscos', 'risque', 'risques', 'rischio', 'rischi', 'risiko', 'risiken', 'risico', 'risicos', 'risikoer', 'риск', 'риски']],
  ['risk', 0.65, ['title', 'problem', 'titulo', 'titre', 'titolo', 'titel', 'tittel', 'problema', 'probleme']],
  ['risk', 0.62, ['description', 'descripcion', 'descricao', 'descrizione', 'beschreibung', 'omschrijving', 'beschrijving', 'beskrivelse', 'описание']],
  // A bare "Risk" column of numbers is the score, of rating words the level (NIST tables title the level "Risk").
  ['score', 0.6, ['risk', 'riesgo', 'risco', 'risque', 'rischio', 'risiko', 'risico', 'риск'], 'values'],
  ['level', 0.58, ['risk', 'riesgo', 'risco', 'risque', 'rischio', 'risiko', 'risico', 'риск'], 'values'],
  ['asset', 0.95, ['asset name', 'affected asset', 'affected assets', 'information asset', 'asset process', 'affected system', 'affected systems', 'system name', 'ephi location', 'location of ephi', 'system application', 'affected workflow', 'affected process', 'affected application', 'affected component', 'activo afectado', 'activo de informacion', 'ativo afetado', 'actif concerne', 'bene interessato', 'betroffenes asset', 'betroffenes system', 'getroffen systeem', 'berort system']],
  ['asset', 0.85, ['asset', 'assets', 'system', 'systems', 'activo', 'activos', 'ativo', 'ativos', 'actif', 'actifs', 'bene', 'beni', 'asset', 'vermogenswert', 'informationswert', 'bedrijfsmiddel', 'eiendel', 'актив', 'активы']],
  ['asset', 0.55, ['asset id', 'application', 'asset identifier']],
  ['threat', 0.95, ['threat source', 'threat event', 'threat agent', 'threat actor', 'threat description', 'threat sources', 'fuente de amenaza', 'fonte de ameaca', 'source de menace', 'fonte di minaccia', 'bedrohungsquelle', 'dreigingsbron']],
  ['threat', 0.9, ['threat', 'threats', 'amenaza', 'amenazas', 'ameaca', 'ameacas', 'menace', 'menaces', 'minaccia', 'minacce', 'bedrohung', 'bedrohungen', 'dreiging', 'dreigingen', 'trussel', 'trusler', 'угроза', 'угрозы']],
  ['vulnerability', 0.95, ['vulnerability description', 'vulnerability', 'vulnerabilities', 'vulnerabilidad', 'vulnerabilidades', 'vulnerabilidade', 'vulnerabilite', 'vulnerabilita', 'schwachstelle', 'schwachstellen', 'kwetsbaarheid', 'kwetsbaarheden', 'sarbarhet', 'уязвимость', 'уязвимости']],
  ['category', 0.95, ['risk category', 'risk type', 'hipaa safeguard', 'safeguard category', 'hipaa standard', 'security rule standard', 'hipaa standard citation', 'tipo de riesgo', 'categoria de riesgo', 'categoria del riesgo', 'tipo de risco', 'categoria do risco', 'type de risque', 'categorie de risque', 'tipo di rischio', 'categoria di rischio', 'risikoart', 'risikokategorie', 'risicocategorie', 'risicotype', 'risikokategori', 'область риска', 'категория риска']],
  ['category', 0.6, ['standard']],
  ['category', 0.8, ['category', 'safeguard', 'control family', 'domain', 'categoria', 'categorie', 'kategorie', 'kategori', 'cluster', 'область', 'категория']],
  ['likelihood', 0.98, ['overall likelihood', 'likelihood rating', 'likelihood score', 'likelihood of occurrence', 'probability of occurrence', 'likelihood level', 'probabilidad de ocurrencia', 'probabilidade de ocorrencia', 'probabilite d occurrence', 'probabilita di accadimento', 'eintrittswahrscheinlichkeit', 'kans op optreden', 'sannsynlighet for', 'вероятность риска', 'вероятность возникновения']],
  ['likelihood', 0.93, ['likelihood', 'probability', 'probabilidad', 'probabilidade', 'probabilite', 'vraisemblance', 'probabilita', 'wahrscheinlichkeit', 'waarschijnlijkheid', 'kans', 'sannsynlighet', 'вероятность']],
  ['likelihood', 0.7, ['frequency', 'l', 'p', 'frecuencia', 'frequencia', 'frequence', 'frequenza', 'haufigkeit', 'frequentie', 'hyppighet']],
  // Fine-Kinney (R = E x B x W): W is the probability, B the exposure; both say how likely.
  ['likelihood', 0.6, ['w', 'exposure', 'blootstelling']],
  ['likelihood', 0.55, ['b']],
  ['impact', 0.98, ['level of impact', 'overall impact', 'impact rating', 'impact score', 'impact level', 'magnitude of impact', 'business impact', 'impact severity', 'nivel de impacto', 'nivel de impacto', 'niveau d impact', 'livello di impatto', 'schadensausmass', 'влияние риска']],
  ['impact', 0.93, ['schadenshohe', 'schadensausmass', 'effect', 'impact', 'impacto', 'impatto', 'auswirkung', 'auswirkungen', 'tragweite', 'konsekvens', 'konsekvenser', 'gevolg', 'gevolgen', 'влияние', 'воздействие']],
  ['impact', 0.8, ['severity', 'consequence', 'consequences', 'magnitude', 'severidad', 'severidade', 'gravedad', 'gravidade', 'gravite', 'gravita', 'schweregrad', 'schwere', 'ernst', 'ernstigheid', 'alvorlighet', 'alvorlighetsgrad', 'consecuencia', 'consequencia', 'conseguenza', 'auswirkung', 'тяжесть']],
  // A severity beside likelihood and impact is the stated level, when its values are ratings.
  ['level', 0.7, ['severity', 'severidad', 'severidade', 'gravedad', 'gravidade', 'gravite', 'gravita', 'schweregrad'], 'values'],
  ['impact', 0.5, ['e']],
  ['impact', 0.45, ['i']],
  ['score', 0.97, ['risk score', 'inherent risk score', 'risk rating score', 'likelihood x impact', 'l x i', 'risk priority number', 'puntuacion del riesgo', 'valor del riesgo', 'pontuacao do risco', 'score du risque', 'punteggio di rischio', 'risikowert', 'risikozahl', 'risicoscore', 'risikoverdi', 'оценка риска']],
  ['score', 0.8, ['score', 'risk value', 'total score', 'rpn', 'cvss score', 'cvss', 'puntuacion', 'puntaje', 'pontuacao', 'punteggio', 'punktzahl', 'risicowaarde']],
  ['score', 0.6, ['wert', 'valor', 'valeur', 'valore', 'waarde', 'verdi', 'value']],
  ['score', 0.5, ['r']],
  ['level', 0.97, ['risk level', 'inherent risk level', 'current risk level', 'risk rating', 'inherent risk rating', 'overall risk level', 'overall risk', 'nivel de riesgo', 'nivel del riesgo', 'nivel de risco', 'grau de risco', 'niveau de risque', 'livello di rischio', 'livello del rischio', 'risikostufe', 'risikolevel', 'risikoniveau', 'risikoklasse', 'risiconiveau', 'risikoniva', 'уровень риска']],
  ['level', 0.8, ['level', 'rating', 'inherent risk', 'risk priority', 'nivel', 'niveau', 'livello', 'stufe', 'einstufung', 'niva', 'уровень']],
  ['level', 0.7, ['risikobewertung', 'vurdering', 'risk evaluation', 'evaluacion', 'valutazione', 'beoordeling'], 'values'],
  ['score', 0.68, ['risikobewertung', 'vurdering', 'risk evaluation', 'evaluacion', 'valutazione', 'beoordeling'], 'values'],
  ['level', 0.6, ['priority', 'prioridad', 'prioridade', 'priorite', 'priorita', 'prioritat', 'prioriteit', 'prioritet', 'приоритет'], 'values'],
  ['residualLikelihood', 0.97, ['residual likelihood', 'residual probability', 'target likelihood', 'probabilidad residual', 'probabilidade residual', 'restwahrscheinlichkeit']],
  ['residualImpact', 0.97, ['residual impact', 'target impact', 'residual severity', 'impacto residual', 'impact residuel', 'impatto residuo', 'restauswirkung']],
  ['residualScore', 0.96, ['residual risk score', 'residual score', 'target risk score', 'puntuacion residual', 'restrisikowert']],
  ['residualLevel', 0.96, ['target risk rating', 'target risk level', 'residual risk rating', 'residual risk level', 'risk level after treatment', 'risk after mitigation']],
  ['residualLevel', 0.95, ['residual risk', 'residual risk level', 'residual risk rating', 'residual level', 'residual rating', 'target risk', 'target risk level', 'post mitigation risk', 'reviewed risk', 'revised risk', 'risk after treatment', 'riesgo residual', 'nivel de riesgo residual', 'risco residual', 'risque residuel', 'rischio residuo', 'restrisiko', 'restrisico', 'остаточный риск']],
  ['action', 0.97, ['recommended safeguard', 'recommended safeguards', 'planned safeguard', 'planned safeguards', 'safeguards to implement', 'safeguard to implement', 'recommended control', 'proposed safeguard', 'corrective action', 'corrective actions', 'corrective action plan', 'remediation plan', 'overall remediation plan', 'remediation action', 'remediation actions', 'mitigation plan', 'mitigation action', 'mitigation actions', 'mitigating action', 'planned action', 'planned actions', 'planned remediation', 'corrective measure', 'corrective measures', 'action required', 'actions required', 'required action', 'treatment plan', 'description of treatment',
    'plan de accion', 'plan de mitigacion', 'plan de tratamiento', 'accion correctiva', 'acciones correctivas', 'medidas de mitigacion', 'plano de acao', 'acao corretiva', 'resposta ao risco', 'plano de mitigacao', 'plan d action', 'action corrective', 'mesures correctives', 'piano d azione', 'azione correttiva', 'azioni correttive', 'azione di mitigazione', 'beschreibung der behandlung', 'korrekturmassnahme', 'gegenmassnahme', 'gegenmassnahmen', 'beheersmaatregel', 'beheersmaatregelen', 'corrigerende maatregel', 'tiltaksplan', 'korrigerende tiltak', 'план а', 'план мероприятий', 'корректирующие действия']],
  ['action', 0.9, ['mitigation', 'mitigation strategy', 'remediation', 'remediation steps', 'risk mitigation', 'action plan', 'recommended action', 'recommended actions', 'recommendation', 'recommendations', 'proposed controls', 'planned controls', 'recommended controls', 'mitigation measures', 'mitigacion', 'medidas', 'mitigacao', 'mitigation', 'mitigazione', 'massnahme', 'massnahmen', 'maatregel', 'maatregelen', 'tiltak', 'мероприятия', 'меры']],
  ['action', 0.78, ['treatment', 'risk treatment', 'action', 'actions', 'risk response', 'milestones', 'milestone', 'milestones with completion dates', 'accion', 'acciones', 'medida', 'tratamiento', 'acao', 'acoes', 'tratamento', 'mesure', 'mesures', 'traitement', 'azione', 'azioni', 'attivita', 'misure', 'trattamento', 'behandlung', 'aktion', 'actie', 'acties', 'behandeling', 'handling', 'действие', 'действия']],
  ['action', 0.5, ['control', 'controls', 'response', 'respuesta', 'resposta', 'reponse', 'risposta', 'reaktion']],
  ['owner', 0.98, ['risk owner', 'action owner', 'responsible party', 'responsible person', 'responsible individual', 'remediation owner', 'point of contact', 'assigned to', 'owner name', 'responsible owner', 'dueno del riesgo', 'propietario del riesgo', 'responsable del riesgo', 'dono do risco', 'proprietario do risco', 'proprietaire du risque', 'responsable du risque', 'proprietario del rischio', 'responsabile del rischio', 'risikoeigner', 'risikoverantwortlicher', 'risico eigenaar', 'risicoeigenaar', 'risikoeier', 'владелец риска', 'хозяин риска']],
  ['owner', 0.9, ['verantwortliche', 'verantwortliche person', 'ansvar', 'ansvarlig person', 'owner', 'responsible', 'responsibility', 'poc', 'assignee', 'accountable', 'accountable party', 'responsable', 'propietario', 'dueno', 'responsavel', 'proprietaire', 'responsabile', 'proprietario', 'verantwortlich', 'verantwortlicher', 'verantwortung', 'zustandig', 'eigentumer', 'eigenaar', 'verantwoordelijke', 'verantwoordelijk', 'ansvarlig', 'eier', 'ответственный', 'владелец', 'хозяин']],
  ['owner', 0.6, ['asset owner', 'lead', 'who', 'quien', 'quem', 'qui', 'chi', 'wer', 'wie', 'hvem']],
  ['dueDate', 0.99, ['revised target date', 'revised due date', 'revised completion date', 'updated due date', 'updated target date', 'updated scheduled completion date', 'revised scheduled completion date', 'new due date', 'new target date', 'extended due date']],
  ['dueDate', 0.98, ['due date', 'target date', 'target completion date', 'scheduled completion date', 'planned completion date', 'estimated completion date', 'date due', 'target completion', 'scheduled completion', 'planned completion', 'deadline', 'by when', 'expected completion date', 'target remediation date', 'remediation date', 'target resolution date', 'remediation due date',
    'fecha limite', 'fecha objetivo', 'fecha de vencimiento', 'fecha compromiso', 'fecha prevista', 'fecha de cumplimiento', 'prazo', 'data limite', 'data prevista', 'data alvo', 'echeance', 'date limite', 'date cible', 'date d echeance', 'scadenza', 'data di scadenza', 'data obiettivo', 'termin', 'frist', 'falligkeit', 'falligkeitsdatum', 'zieldatum', 'zieltermin', 'erledigen bis', 'deadline', 'uiterste datum', 'streefdatum', 'einddatum', 'gereed op', 'tidsfrist', 'maldato', 'срок', 'срок выполнения', 'крайний срок']],
  ['dueDate', 0.85, ['umsetzung bis', 'erledigung bis', 'bis', 'due', 'due by', 'completion target', 'target completion', 'expected completion', 'planned date', 'milestone date', 'fecha', 'plazo', 'fallig', 'bis wann', 'uiterlijk']],
  ['dueDate', 0.65, ['timeline', 'timeframe', 'time frame', 'target', 'implementation date', 'fertigstellungsdatum']],
  ['originalDueDate', 0.98, ['original target date', 'original due date', 'original scheduled completion date', 'original completion date', 'initial due date', 'initial target date', 'original planned completion date', 'baseline due date', 'initial scheduled completion date', 'initial completion date', 'original target completion date']],
  ['completedDate', 0.97, ['date completed', 'completed date', 'date closed', 'closed date', 'closure date', 'actual completion date', 'actual completion', 'completed on', 'date resolved', 'resolved date', 'date implemented', 'implemented date', 'actual date', 'actual close date', 'fecha de cierre', 'fecha cierre', 'fecha de finalizacion', 'data de conclusao', 'data de encerramento', 'date de cloture', 'date de realisation', 'data di chiusura', 'data di completamento', 'erledigt am', 'abschlussdatum', 'abgeschlossen am', 'afgerond op', 'datum afgerond', 'lukket dato', 'дата закрытия']],
  ['completedDate', 0.9, ['completion date', 'completed', 'closed on']],
  ['status', 0.97, ['status', 'current status', 'action status', 'risk status', 'cap status', 'remediation status', 'item status', 'estado', 'estatus', 'situacao', 'statut', 'stato', 'zustand', 'статус', 'статус риска', 'состояние']],
  ['status', 0.65, ['progress', 'state', 'avance', 'progresso', 'avancement', 'avanzamento', 'fortschritt', 'voortgang', 'fremdrift']],
  ['verifiedBy', 0.97, ['verified by', 'validated by', 'verifier', 'verification by', 'verification owner', 'checked by', 'verificado por', 'validado por', 'verifie par', 'valide par', 'verificato da', 'validato da', 'gepruft von', 'verifiziert von', 'gecontroleerd door', 'geverifieerd door', 'verifisert av', 'kontrollert av', 'проверил']],
  ['verifiedBy', 0.6, ['effectiveness check', 'effectiveness verification', 'verification of effectiveness', 'verification', 'reviewed by', 'verificacion', 'verificacao', 'verifica', 'prufung', 'verificatie']],
  ['verifiedDate', 0.59, ['effectiveness check', 'effectiveness verification', 'verification of effectiveness', 'effectiveness check date']],
  ['verifiedDate', 0.97, ['verification date', 'date verified', 'verified date', 'validation date', 'date validated', 'verified on', 'validated on', 'fecha de verificacion', 'data de verificacao', 'date de verification', 'data di verifica', 'prufdatum', 'verificatiedatum', 'дата проверки']],
  ['evidence', 0.97, ['evidence', 'supporting documents', 'supporting documentation', 'evidence of completion', 'evidence location', 'artifacts', 'artefacts', 'supporting evidence', 'closure evidence', 'evidencia', 'evidencias', 'evidencia', 'preuve', 'preuves', 'evidenza', 'evidenze', 'nachweis', 'nachweise', 'bewijs', 'bewijsstukken', 'dokumentasjon', 'доказательства']],
  ['evidence', 0.7, ['documentation', 'proof', 'attachments', 'attachment', 'documentacion', 'documentacao', 'dokumentation']],
  ['rootCause', 0.98, ['root cause', 'root causes', 'root cause analysis', 'underlying cause', 'causa raiz', 'causa raiz', 'cause racine', 'causa principale', 'causa radice', 'grundursache', 'ursache', 'hoofdoorzaak', 'grunnarsak', 'первопричина']],
  ['rootCause', 0.75, ['cause', 'causa', 'oorzaak', 'arsak', 'причина']],
  ['reviewDate', 0.95, ['review date', 'last review', 'last reviewed', 'date reviewed', 'last review date', 'reviewed on', 'date of review', 'next review', 'next review date', 'date last reviewed', 'fecha de revision', 'data de revisao', 'date de revue', 'data di revisione', 'uberprufungsdatum', 'reviewdatum']],
  ['tier', 0.97, ['tier', 'priority tier', 'priority bucket', 'action tier', 'work tier', 'bucket']],
  ['element', 0.97, ['cap element', 'cap requirement', 'category of cap', 'cap category', 'cap section', 'cap provision', 'element']],
  ['element', 0.8, ['requirement', 'requirements', 'provision', 'obligation', 'hipaa requirement', 'citation']],
  ['justification', 0.7, ['risk acceptance', 'acceptance']],
  ['justification', 0.98, ['justification', 'acceptance rationale', 'acceptance justification', 'risk acceptance rationale', 'reason for acceptance', 'justification for acceptance', 'acceptance reason', 'rationale', 'justificacion', 'justificativa', 'giustificazione', 'begrundung', 'rechtvaardiging', 'begrunnelse']],
  ['cost', 0.95, ['cost', 'costs', 'estimated cost', 'cost estimate', 'resources required', 'resources needed', 'required resources', 'resource requirements', 'budget', 'budget required', 'level of effort', 'estimated effort', 'effort', 'funding', 'investment', 'kosten', 'aufwand', 'coste', 'costo', 'presupuesto', 'recursos', 'custo', 'orcamento', 'middelen', 'kostnad', 'budsjett', 'cout', 'ressources']],
  ['vendorDependency', 0.95, ['vendor dependency', 'vendor dependent', 'vendor dependencies', 'third party dependency', 'external dependency', 'depends on vendor']],
  // Words that look like a role but are not one of ours.
  [null, 1, ['existing controls', 'existing control', 'current controls', 'current control', 'controls in place', 'current mitigation', 'existing mitigation', 'asset value', 'threat value', 'matrix value', 'matrix value of vulnerability', 'for matrix', 'asset type', 'asset description', 'asset classification', 'date identified', 'identified date', 'date raised', 'date opened', 'date added', 'date logged', 'last updated', 'comments', 'notes', 'remarks', 'department', 'classification', 'version', 'approved by', 'prepared by', 'document id', 'author',
    'status date', 'control effectiveness', 'original detection date', 'detection date', 'discovery date', 'discovery source', 'data element', 'related data element', 'risk adjustment', 'chance bedrohung', 'opportunity threat', 'threat opportunity', 'amenaza oportunidad', 'ersteller', 'erstelldatum', 'autor', 'auteur', 'autore', 'kommentar', 'kommentare', 'comentarios', 'observaciones', 'commentaires', 'commenti', 'opmerkingen', 'merknader', 'комментарии', 'влияние на проект', 'план б', 'триггеры', 'тип стратегии обработки риска', 'gatilho', 'disparador', 'controles existentes', 'controlos existentes', 'bestehende massnahmen', 'bestaande maatregelen', 'vendor dependency', 'dependency description', 'operational requirement', 'false positive']],
];

interface Phrase {
  role: Role | null;
  confidence: number;
  words: number;
  needsValues: boolean;
}

/** Normalized phrase -> its readings, one per role (the first listing of a phrase for a role wins). */
const PHRASES: ReadonlyMap<string, Phrase[]> = (() => {
  const map = new Map<string, Phrase[]>();
  for (const [role, confidence, phrases, needs] of TABLE) {
    for (const p of phrases) {
      const key = normalizeWords(p);
      const list = map.get(key) ?? [];
      if (!list.some((x) => x.role === role)) list.push({ role, confidence, words: key.split(' ').length, needsValues: needs === 'values' });
      map.set(key, list);
    }
  }
  return map;
})();

const MAX_PHRASE_WORDS = Math.max(...[...PHRASES.values()].map((list) => list[0].words));

export interface HeaderMatch {
  role: Role;
  confidence: number;
  /** The phrase of the table that matched, for "why" texts. */
  phrase: string;
  /** The header alone does not settle it: the column's values must look like this role. */
  needsValues?: boolean;
}

/**
 * The role a header text names, or null: the best of `matchHeaderAll`.
 */
export function matchHeader(text: string): HeaderMatch | null {
  return matchHeaderAll(text)[0] ?? null;
}

/**
 * Every role a header text may name, best first. The longest phrases found among the header's words
 * count ("Risk Owner" is an owner, not a risk); a phrase inside a longer one found is ignored. Words
 * beyond the phrase lower the confidence a little ("Owner of the risk (name)" < "Owner"), and a
 * second phrase in the same header ("Weakness Description / Corrective Action Summary") is offered
 * a little lower than the first, so the values or another column can decide.
 */
export function matchHeaderAll(text: string): HeaderMatch[] {
  const key = normalizeWords(text);
  if (key === '') return [];
  const words = key.split(' ');
  const spans: { start: number; len: number; phrase: string; readings: Phrase[] }[] = [];
  for (let len = Math.min(MAX_PHRASE_WORDS, words.length); len >= 1; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      const phrase = words.slice(start, start + len).join(' ');
      const readings = PHRASES.get(phrase);
      if (!readings) continue;
      if (spans.some((sp) => sp.len > len && sp.start <= start && start + len <= sp.start + sp.len)) continue;
      spans.push({ start, len, phrase, readings });
    }
  }
  // The primary phrase: the longest, then the most confident.
  let primary = spans[0];
  for (const sp of spans) {
    if (sp.len === primary.len && Math.max(...sp.readings.map((r) => r.confidence)) > Math.max(...primary.readings.map((r) => r.confidence))) primary = sp;
  }
  const byRole = new Map<Role, HeaderMatch>();
  for (const sp of spans) {
    for (const p of sp.readings) {
      if (!p.role) continue;
      const extra = words.length - p.words;
      // A sentence that happens to contain "risk" or "system" is data, not a header: many extra words cost a lot.
      const raw = p.confidence - 0.05 * Math.min(extra, 10) - (sp === primary ? 0 : 0.1);
      const confidence = Math.round(Math.max(0.3, raw) * 100) / 100;
      const known = byRole.get(p.role);
      if (!known || confidence > known.confidence) {
        byRole.set(p.role, p.needsValues ? { role: p.role, confidence, phrase: sp.phrase, needsValues: true } : { role: p.role, confidence, phrase: sp.phrase });
      }
    }
  }
  // Only when no phrase of the table already took the date word ("Milestones with Completion Dates").
  const dateWordFree = words.some((w, k) => DATE_WORDS.has(w) && !spans.some((sp) => sp.start <= k && k < sp.start + sp.len));
  if (dateWordFree) dateHeaderFallback(words, byRole);
  return [...byRole.values()].sort((a, b) => b.confidence - a.confidence);
}

const DATE_WORDS: ReadonlySet<string> = new Set(['date', 'dates', 'fecha', 'data', 'datum', 'dato', 'дата', 'when', 'by']);
const COMPLETION_WORDS: ReadonlySet<string> = new Set(['closed', 'closure', 'completed', 'completion', 'actual', 'resolved', 'resolution', 'implemented', 'done', 'cierre', 'finalizacion', 'conclusao', 'encerramento', 'cloture', 'chiusura', 'abschluss', 'erledigt', 'afgerond', 'lukket', 'закрытия']);
const DUE_WORDS: ReadonlySet<string> = new Set(['due', 'target', 'planned', 'scheduled', 'expected', 'estimated', 'remediation', 'deadline', 'commitment', 'objetivo', 'prevista', 'previsto', 'limite', 'compromiso', 'alvo', 'cible', 'prevue', 'echeance', 'obiettivo', 'scadenza', 'prevista', 'ziel', 'geplant', 'plan', 'streef', 'gepland', 'planlagt', 'плановая', 'срок']);

/**
 * "Planned Remediation Date", "Expected Resolution Date", "Fecha de cierre real": a header with a
 * date word and a due or completion word is that date, when no phrase of the table named one.
 */
function dateHeaderFallback(words: string[], byRole: Map<Role, HeaderMatch>): void {
  if (!words.some((w) => DATE_WORDS.has(w))) return;
  for (const role of ['dueDate', 'completedDate', 'verifiedDate', 'reviewDate', 'originalDueDate'] as Role[]) if (byRole.has(role)) return;
  const completion = words.some((w) => COMPLETION_WORDS.has(w)) && !words.includes('target') && !words.includes('planned') && !words.includes('expected') && !words.includes('scheduled');
  const due = words.some((w) => DUE_WORDS.has(w));
  const role: Role | null = completion ? 'completedDate' : due ? 'dueDate' : null;
  if (!role) return;
  const confidence = Math.max(0.3, Math.round((0.85 - 0.03 * Math.max(0, words.length - 2)) * 100) / 100);
  byRole.set(role, { role, confidence, phrase: words.join(' ') });
}

const RESIDUAL_WORDS = ['residual', 'target', 'post mitigation', 'post treatment', 'after mitigation', 'after treatment', 'after controls', 'revised', 'expected'];

/** True when a group header ("Residual Risk", "Target (post-mitigation)") marks the ratings below as residual. */
export function isResidualGroup(groupText: string): boolean {
  const key = ` ${normalizeWords(groupText)} `;
  return RESIDUAL_WORDS.some((w) => key.includes(` ${w} `));
}

const TO_RESIDUAL: Partial<Record<Role, Role>> = {
  likelihood: 'residualLikelihood',
  impact: 'residualImpact',
  level: 'residualLevel',
  score: 'residualScore',
  // "Residual: Likelihood | Impact | Risk": the last column is the residual rating, not a description.
  risk: 'residualLevel',
};

const RESIDUAL_RATINGS: ReadonlySet<Role> = new Set<Role>(['likelihood', 'impact', 'level', 'score']);

const RATING_GROUP_WORDS = ['inherent', 'current', 'initial', 'gross', 'raw', 'before mitigation', 'before treatment', 'pre mitigation', 'risk rating', 'risk assessment', 'assessment'];

/** True when a group header ("Inherent Risk", "Current Assessment") sits over rating columns. */
function isRatingGroup(groupText: string): boolean {
  const key = ` ${normalizeWords(groupText)} `;
  return RATING_GROUP_WORDS.some((w) => key.includes(` ${w} `));
}

/** Under a group ("Auswirkungen: Zeit | Budget | Gesamt"), the total is the group's value. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(['total', 'overall', 'sum', 'average', 'gesamt', 'summe', 'durchschnitt', 'totale', 'promedio', 'media', 'totaal', 'gemiddelde', 'samlet', 'итого', 'всего']);

/**
 * Matches a field header under an optional group header: the best of `matchColumnAll`.
 */
export function matchColumn(field: string, group: string | null): HeaderMatch | null {
  return matchColumnAll(field, group)[0] ?? null;
}

/**
 * Every role a field header under an optional group header may name, best first. The field's own
 * words decide the role; the group only turns ratings residual, or names the column when the field
 * says nothing (then a "Total" field is the group's value, ahead of its parts).
 */
export function matchColumnAll(field: string, group: string | null): HeaderMatch[] {
  let list = matchHeaderAll(field);
  if (list.length === 0 && group) {
    const total = TOTAL_WORDS.has(normalizeWords(field)) ? 0.05 : 0;
    list = matchHeaderAll(`${group} ${field}`).map((g) => ({ ...g, confidence: Math.max(0.3, Math.round((g.confidence - 0.1 + total) * 100) / 100) }));
  }
  if (list.length === 0) return list;
  // "Target Likelihood", "Risk Level After Treatment": the field itself says residual.
  if (isResidualGroup(field)) list = list.map((m) => (RESIDUAL_RATINGS.has(m.role) && TO_RESIDUAL[m.role] ? { ...m, role: TO_RESIDUAL[m.role]! } : m));
  const underGroup = group !== null && group.trim() !== field.trim();
  if (!underGroup) return list.filter((m, i) => list.findIndex((x) => x.role === m.role) === i);
  const residualGroup = isResidualGroup(group);
  const ratingGroup = isRatingGroup(group);
  const out: HeaderMatch[] = [];
  for (const m of list) {
    const bareRisk = m.role === 'risk' && m.phrase === 'risk';
    const residual = residualGroup && (m.role !== 'risk' || bareRisk) ? TO_RESIDUAL[m.role] : undefined;
    if (residual) out.push({ ...m, role: residual });
    // "Inherent: Likelihood | Impact | Risk": a bare "Risk" under a rating group is the level.
    else if (bareRisk && ratingGroup) out.push({ ...m, role: 'level' });
    else out.push(m);
  }
  // Two readings may now name the same role: keep the better.
  return out.filter((m, i) => out.findIndex((x) => x.role === m.role) === i);
}
