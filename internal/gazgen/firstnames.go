package main

// firstnames.tsv: name<TAB>count<TAB>female_share from the newborn-name
// registries, plus hand-listed adult names (count at least minAdultCount).

import (
	"bytes"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// minNameCount is the smallest registry count kept.
const minNameCount = 3

// adultNames are first names common among adults in German news (politicians,
// public figures, older generations, international leaders in German spelling)
// that newborn registries 2010–2023 under-represent. Written as name:female_share.
// They get count minAdultCount (50) in firstnames.tsv when the registries count them less.
var adultNames = strings.Fields(`
	Achim:0 Agnes:1 Alain:0 Alexei:0 Alexej:0 Alice:1 Alois:0 Andrej:0 Andrij:0 Angela:1 Anke:1
	Annalena:1 Annegret:1 Annette:1 Antje:1 António:0 Armin:0 Axel:0 Barack:0 Baschar:0 Bashar:0
	Beate:1 Benedikt:0 Benjamin:0 Bernd:0 Bernhard:0 Bernie:0 Bettina:1 Bijan:0 Bill:0 Birgit:1 Bodo:0
	Boris:0 Brigitte:1 Britta:1 Burkhard:0 Bärbel:1 Carsten:0 Cem:0 Charles:0 Christa:1 Christel:1
	Christine:1 Claudia:1 Cornelia:1 Cyril:0 Dagmar:1 Detlef:0 Dieter:0 Dietmar:0 Dilma:1 Dirk:0
	Dmitri:0 Dmitrij:0 Dmitry:0 Donald:0 Doris:1 Dorothee:1 Ebrahim:0 Eckart:0 Eckhard:0 Edeltraud:1
	Egon:0 Ekrem:0 Elfriede:1 Elke:1 Emmanuel:0 Emmerson:0 Enrico:0 Erhard:0 Erika:1 Erwin:0 Felipe:0
	Frank:0 Frank-Walter:0 François:0 Frauke:1 Friedbert:0 Friedrich-Wilhelm:0 Fumio:0 Gabriele:1
	Gavin:0 Georg:0 Gerd:0 Gerda:1 Gerhard:0 Gerlinde:1 Gernot:0 Gert:0 Gesine:1 Giorgia:1 Gisela:1
	Gitta:1 Gordon:0 Gottfried:0 Gregor:0 Gudrun:1 Guido:0 Günter:0 Günther:0 Hannelore:1 Hans:0
	Hans-Dietrich:0 Hans-Georg:0 Hans-Jochen:0 Hans-Jürgen:0 Hans-Peter:0 Hans-Ulrich:0 Hartmut:0
	Heidemarie:1 Heidi:1 Heike:1 Heiko:0 Heinz:0 Heinz-Christian:0 Helga:1 Helge:0 Helmut:0 Helmuth:0
	Herbert:0 Hermann:0 Hildegard:1 Hillary:1 Holger:0 Horst:0 Hubert:0 Hubertus:0 Ignazio:0 Igor:0
	Ilham:0 Ilse:1 Imran:0 Inge:1 Ingeborg:1 Ingo:0 Ingrid:1 Irene:1 Iris:1 Irmgard:1 Jacinda:1
	Jacques:0 Jair:0 Jarosław:0 Javier:0 Jens:0 Jeremy:0 Jewgeni:0 Jewgenij:0 Jimmy:0 Joachim:0
	Jochen:0 Joe:0 Johanna:1 Josef:0 Juri:0 Jurij:0 Justin:0 Jutta:1 Jörg:0 Jürgen:0 Kamala:1 Karin:1
	Karl-Heinz:0 Karl-Theodor:0 Karsten:0 Katarina:1 Katja:1 Katrin:1 Keir:0 Kerstin:1 Klaus:0
	Klaus-Dieter:0 Knut:0 Kornelia:1 Kristina:1 Kurt:0 Liz:1 Lothar:0 Ludger:0 Luiz:0 Lutz:0 Malu:1
	Manfred:0 Manuela:1 Marco:0 Margarete:1 Margarethe:1 Margot:1 Marianne:1 Marine:1 Mario:0 Marion:1
	Martina:1 Mateusz:0 Matteo:0 Mevlüt:0 Michail:0 Michel:0 Mitch:0 Mohammed:0 Monika:1 Nancy:1
	Narendra:0 Nicolas:0 Nicolás:0 Nikki:1 Nikol:0 Norbert:0 Olaf:0 Oleg:0 Oleksandr:0 Oleksij:0
	Olena:1 Oskar:0 Ottmar:0 Otto:0 Pedro:0 Peer:0 Petra:1 Petro:0 Pjotr:0 Péter:0 Rainer:0 Ralf:0
	Ralph:0 Recep:0 Regina:1 Reiner:0 Reinhard:0 Reinhold:0 Renate:1 Ricarda:1 Rishi:0 Rita:1
	Roderich:0 Rodrigo:0 Rolf:0 Roman:0 Ron:0 Ronald:0 Rosemarie:1 Roswitha:1 Rüdiger:0 Sabine:1
	Sahra:1 Sanna:1 Saskia:1 Scott:0 Sebastian:0 Sergei:0 Sergej:0 Sergio:0 Shinzo:0 Siegfried:0
	Sigmar:0 Sigrid:1 Silke:1 Silvio:0 Simonetta:1 Stefanie:1 Steffen:0 Steffi:1 Susanne:1 Svenja:1
	Swetlana:1 Tanja:1 Tarek:0 Tayyip:0 Theo:0 Theresa:1 Thorsten:0 Tino:0 Tony:0 Torsten:0 Udo:0
	Ueli:0 Ulf:0 Ulla:1 Ulrich:0 Ulrike:1 Urs:0 Ursula:1 Ute:1 Uwe:0 Viktor:0 Viola:1 Vitali:0
	Volker:0 Volodymyr:0 Waleri:0 Walerij:0 Walter:0 Waltraud:1 Werner:0 Wilfried:0 Willi:0 Winfried:0
	Witali:0 Wladimir:0 Wolf:0 Wolfgang:0 Wolfram:0 Wolodymyr:0 Xavier:0 Yoon:0 Yvonne:1 Zbigniew:0
	Abdullah:0 Ahmet:0 Aldo:0 Alfonso:0 Alfredo:0 Alistair:0 Andrea:0 Angelo:0 Antoine:0 Antonio:0
	Arnaud:0 Arturo:0 Barbara:1 Bernard:0 Boyd:0 Brian:0 Bruce:0 Bruno:0 Carlos:0 Carmen:1 Chuck:0
	Claude:0 Colin:0 Craig:0 Cristina:1 Dale:0 Darren:0 Dennis:0 Dick:0 Dolores:1 Domenico:0
	Donatella:1 Doug:0 Douglas:0 Duncan:0 Dwight:0 Eduardo:0 Elena:1 Emre:0 Enzo:0 Ernesto:0
	Fabrizio:0 Federico:0 Fernando:0 Francesco:0 Franco:0 Gareth:0 Gary:0 Gennadi:0 Gennadij:0
	Geoffrey:0 Gerard:0 Gianluca:0 Gianni:0 Giovanni:0 Giuseppe:0 Glenn:0 Graham:0 Greg:0 Guillaume:0
	Hakan:0 Hamid:0 Harold:0 Hasan:0 Heath:0 Heikki:0 Howard:0 Hüseyin:0 Ian:0 Ibrahim:0 Ignacio:0
	Ivan:0 Jaakko:0 Jean:0 Jean-Claude:0 Jean-Luc:0 Jean-Marie:0 Jean-Pierre:0 Jeff:0 Jeffrey:0
	Jerry:0 Jesús:0 Jim:0 Joan:1 John:0 Jorge:0 José:0 Juan:0 Jukka:0 Kazuo:0 Keith:0 Kemal:0
	Kenneth:0 Kevin:0 Kimi:0 Larry:0 Lars:0 Leonid:0 Lorenzo:0 Luigi:0 Luis:0 Manuel:0 Marcel:0
	Margaret:1 Mark:0 Massimo:0 Matti:0 Maurizio:0 Michael:0 Miguel:0 Mikhail:0 Mustafa:0 Nigel:0
	Nikolai:0 Nikolaj:0 Patrick:0 Paolo:0 Pascal:0 Pekka:0 Philippe:0 Pierre:0 Pietro:0 Rafael:0
	Ramón:0 Raymond:0 Renzo:0 Ricardo:0 Richard:0 Roberto:0 Rodney:0 Roger:0 Rudolf:0 Salvatore:0
	Sami:0 Seppo:0 Silvia:1 Stanislaw:0 Stephen:0 Steve:0 Stuart:0 Takeshi:0 Teemu:0 Terry:0
	Thierry:0 Timo:0 Trevor:0 Umberto:0 Valentina:1 Vincenzo:0 Vladimir:0 Volkbert:0 Walerie:1
	Wayne:0 Wim:0 Yannick:0 Yves:0 Yusuf:0
	Abiy:0 Anastassija:1 Binali:0 Bola:0 Chalid:0 Devlet:0 Dmytro:0 Dschawad:0 Halyna:1 Ihor:0
	Jahja:0 Jewhen:0 Jitzchak:0 Ketanji:1 Kristi:1 Mahnaz:1 Mychajlo:0 Mykhailo:0 Mykola:0
	Oleksiy:0 Olexandr:0 Olexij:0 Olha:1 Petteri:0 Ramsan:0 Serhii:0 Serhij:0 Shigeru:0
	Swjatlana:1 Tetjana:1 Tricia:1 Uhuru:0 Wadym:0 Wassyl:0 Wasyl:0 Wiktorija:1 Witalij:0
	Wjatscheslaw:0 Yoshihide:0 Yoweri:0
`)

// minAdultCount is the count a hand-listed name gets when the registries
// count it less often: the list names adults the birth registries
// under-represent, and the extractor trusts a first name by its count.
const minAdultCount = 50

// buildFirstNames renders firstnames.tsv (without header).
func buildFirstNames(rows []vorname) ([]byte, int, int, error) {
	type fn struct {
		count int64
		share float64
	}
	names := map[string]fn{}
	for _, v := range rows {
		if v.Count < minNameCount || !isNameToken(v.Name) {
			continue
		}
		share := 0.5
		if v.Male+v.Fem > 0 {
			share = float64(v.Fem) / float64(v.Male+v.Fem)
		}
		if old, ok := names[v.Name]; ok && old.count >= v.Count {
			continue
		}
		names[v.Name] = fn{v.Count, share}
	}
	registry := len(names)
	added := 0
	for _, item := range adultNames {
		n, sh, ok := strings.Cut(item, ":")
		share, err := strconv.ParseFloat(sh, 64)
		if !ok || err != nil || share < 0 || share > 1 || !isNameToken(n) {
			return nil, 0, 0, fmt.Errorf("gazgen: bad adult name %q", item)
		}
		if old, ok := names[n]; ok {
			if old.count < minAdultCount {
				names[n] = fn{minAdultCount, old.share}
			}
			continue
		}
		names[n] = fn{minAdultCount, share}
		added++
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for _, k := range keys {
		f := names[k]
		fmt.Fprintf(&b, "%s\t%d\t%s\n", k, f.count, formatFrac(math.Max(0, math.Min(1, f.share))))
	}
	return b.Bytes(), registry, added, nil
}
