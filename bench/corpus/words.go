package corpus

// Per-language vocabularies. The words are ordinary Hungarian, Slovak and
// English words of the social-services domain, with their accents, so the
// generated text exercises UTF-8 handling, slugs and typography the way the
// real content does. Lists of the same index are translations of each other
// where that matters (terms, cities, partners).

var langs = []string{"en", "hu", "sk"}

var words = map[string][]string{
	"en": split(`the of and to in a for with on by as is are was were be has have that this from at which their it
not or but also each every all more most other same new local social public support service services city
neighbourhood household households family families resident residents community worker workers team office
centre access point employment work job training skills income benefit benefits debt housing health care
school children youth survey interview data results partner partners municipality university association
foundation project pilot model method guide step steps plan planning meeting group groups coaching mentor
network trust participation decision decisions council policy policies programme budget funding grant report
evaluation indicator target outcome outcomes experience lesson lessons practice practices exchange visit
conference workshop session role roles task tasks document documents address card registration allowance
procedure application claim case cases referral follow-up week weeks month months year years first second
third long short small large clear simple better together around through between before after during
within without under over across often rarely always never still already again only even because while
although since until when where how why what who whose people person mother father neighbour neighbours
street streets house houses flat flats water electricity heating transport bus road market shop employer
employers apprenticeship qualification certificate cooperation coordination integration inclusion poverty
segregation barrier barriers change changes result progress approach approaches principle principles
Miskolc Košice Tetemvár Bábonyibérc Roma Europe European Commission`),
	"hu": split(`a az és hogy nem is meg egy már csak még de ha mint vagy pedig mert amikor ahol aki amely ami
minden sok kevés új régi helyi szociális közösségi önkormányzati szolgáltatás szolgáltatások város városrész
háztartás háztartások család családok lakó lakók munkatárs munkatársak csapat iroda központ szolgáltatópont
foglalkoztatás munka munkahely képzés készségek jövedelem támogatás támogatások adósság lakhatás egészség
ellátás iskola gyerekek fiatalok felmérés interjú adatok eredmények partner partnerek egyetem egyesület
alapítvány projekt kísérleti modell módszer útmutató lépés lépések terv tervezés megbeszélés csoport
csoportok coaching mentor hálózat bizalom részvétel döntés döntések testület szakpolitika program költségvetés
finanszírozás pályázat beszámoló értékelés mutató célérték eredmény tapasztalat tanulság gyakorlat csere
látogatás konferencia műhely ülés szerep feladat feladatok dokumentum lakcímkártya nyilvántartás segély
eljárás kérelem ügy ügyek továbbirányítás utánkövetés hét hetek hónap hónapok év évek első második harmadik
hosszú rövid kicsi nagy világos egyszerű jobb együtt körül keresztül között előtt után alatt nélkül felett
gyakran ritkán mindig soha még újra csupán mert miközben bár óta amíg hogyan miért mit kik emberek ember
anya apa szomszéd szomszédok utca utcák ház házak lakás lakások víz áram fűtés közlekedés busz út piac
bolt munkáltató munkáltatók tanoncképzés végzettség bizonyítvány együttműködés összehangolás integráció
befogadás szegénység szegregáció akadály akadályok változás változások előrelépés megközelítés elv elvek
őszintén különösen fűtésszámla üdülőkártya kötelező következő hátrányos helyzetű közösségfejlesztő
Miskolc Kassa Tetemvár Bábonyibérc roma Európa európai Bizottság`),
	"sk": split(`a aj ale alebo ako keď kde ktorý ktorá ktoré že nie už len ešte ani lebo pretože každý všetci viac
nový starý miestny sociálny sociálne verejný komunitný služba služby mesto štvrť domácnosť domácnosti rodina
rodiny obyvateľ obyvatelia pracovník pracovníci tím úrad centrum kontaktné miesto zamestnanosť práca
pracovné miesto vzdelávanie zručnosti príjem dávka dávky dlh bývanie zdravie starostlivosť škola deti
mládež prieskum rozhovor údaje výsledky partner partneri samospráva univerzita združenie nadácia projekt
pilotný model metóda príručka krok kroky plán plánovanie stretnutie skupina skupiny koučing mentor sieť
dôvera participácia rozhodnutie rozhodnutia rada politika program rozpočet financovanie grant správa
hodnotenie ukazovateľ cieľ výstup skúsenosť ponaučenie prax výmena návšteva konferencia dielňa stretnutie
úloha úlohy dokument doklad pobyt evidencia príspevok postup žiadosť prípad prípady odporúčanie týždeň
týždne mesiac mesiace rok roky prvý druhý tretí dlhý krátky malý veľký jasný jednoduchý lepší spolu okolo
cez medzi pred po počas bez nad často zriedka vždy nikdy znova iba hoci odkedy kým ako prečo čo kto ľudia
človek matka otec sused susedia ulica ulice dom domy byt byty voda elektrina kúrenie doprava autobus cesta
trh obchod zamestnávateľ zamestnávatelia učňovské kvalifikácia osvedčenie spolupráca koordinácia integrácia
inklúzia chudoba segregácia prekážka prekážky zmena zmeny pokrok prístup zásada zásady ďalší dôležitý
účastník účastníci čiastočne vzťah vzťahy zúčastnené ťažký ôsmy mäkký
Miskolc Košice Tetemvár Bábonyibérc rómsky Európa európsky Komisia`),
}

var topics = map[string][]string{
	"en": {"housing", "employment", "social services", "community development", "participation", "governance",
		"financial inclusion", "health", "education", "Roma inclusion", "digital skills", "energy poverty"},
	"hu": {"lakhatás", "foglalkoztatás", "szociális szolgáltatások", "közösségfejlesztés", "részvétel", "kormányzás",
		"pénzügyi befogadás", "egészségügy", "oktatás", "roma integráció", "digitális készségek", "energiaszegénység"},
	"sk": {"bývanie", "zamestnanosť", "sociálne služby", "komunitný rozvoj", "participácia", "riadenie",
		"finančná inklúzia", "zdravotníctvo", "vzdelávanie", "inklúzia Rómov", "digitálne zručnosti", "energetická chudoba"},
}

var partners = map[string][]string{
	"en": {"Miskolc Municipality", "University of Miskolc", "Abaújrakezdés Association", "HÁRFA Foundation", "AEIDL",
		"City of Košice", "Hungarian Maltese Charity Service", "Technical University of Košice", "Ózd Town Council", "Prešov Self-Governing Region"},
	"hu": {"Miskolc Megyei Jogú Város Önkormányzata", "Miskolci Egyetem", "Abaújrakezdés Egyesület", "HÁRFA Alapítvány", "AEIDL",
		"Kassa Város", "Magyar Máltai Szeretetszolgálat", "Kassai Műszaki Egyetem", "Ózd Város Önkormányzata", "Eperjesi Kerület"},
	"sk": {"Mesto Miskolc", "Univerzita v Miskolci", "Združenie Abaújrakezdés", "Nadácia HÁRFA", "AEIDL",
		"Mesto Košice", "Maďarská maltézska charitatívna služba", "Technická univerzita v Košiciach", "Mesto Ózd", "Prešovský samosprávny kraj"},
}

var cities = map[string][]string{
	"en": {"Miskolc", "Košice", "Ózd", "Nyíregyháza", "Prešov", "Debrecen", "Brussels", "Salgótarján", "Spišská Nová Ves", "Kazincbarcika"},
	"hu": {"Miskolc", "Kassa", "Ózd", "Nyíregyháza", "Eperjes", "Debrecen", "Brüsszel", "Salgótarján", "Igló", "Kazincbarcika"},
	"sk": {"Miškovec", "Košice", "Ózd", "Níreďháza", "Prešov", "Debrecín", "Brusel", "Šalgótarján", "Spišská Nová Ves", "Kazincbarcika"},
}

var countries = map[string][]string{
	"en": {"Hungary", "Slovakia", "Hungary", "Hungary", "Slovakia", "Hungary", "Belgium", "Hungary", "Slovakia", "Hungary"},
	"hu": {"Magyarország", "Szlovákia", "Magyarország", "Magyarország", "Szlovákia", "Magyarország", "Belgium", "Magyarország", "Szlovákia", "Magyarország"},
	"sk": {"Maďarsko", "Slovensko", "Maďarsko", "Maďarsko", "Slovensko", "Maďarsko", "Belgicko", "Maďarsko", "Slovensko", "Maďarsko"},
}

var authors = map[string][]string{
	"en": {"4IM project team", "Annamária Nagy Korodi", "Gábor Fekete", "Zuzana Kováčová", "Péter Szűcs"},
	"hu": {"4IM projektcsapat", "Nagy Korodi Annamária", "Fekete Gábor", "Zuzana Kováčová", "Szűcs Péter"},
	"sk": {"Projektový tím 4IM", "Annamária Nagy Korodi", "Gábor Fekete", "Zuzana Kováčová", "Péter Szűcs"},
}

// sectionNames name the sections in the text of each language (for titles).
var typeWords = map[string]map[string]string{
	"en": {"case-studies": "Case study", "guides": "Guide", "policy-papers": "Policy paper", "events": "Event report", "news": "News", "press": "Press release", "toolkits": "Toolkit"},
	"hu": {"case-studies": "Esettanulmány", "guides": "Útmutató", "policy-papers": "Szakpolitikai javaslat", "events": "Beszámoló", "news": "Hír", "press": "Sajtóközlemény", "toolkits": "Eszköztár"},
	"sk": {"case-studies": "Prípadová štúdia", "guides": "Príručka", "policy-papers": "Odporúčania", "events": "Správa z podujatia", "news": "Novinka", "press": "Tlačová správa", "toolkits": "Súprava nástrojov"},
}

func split(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
