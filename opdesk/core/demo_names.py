"""Name pools for the demo data: the people who come to an opcafè in the Rhodense.

Each pool is a comma-separated string, most common names first (picks are skewed towards
the start). Italian surnames are real ones plus stems with the usual suffixes (Bell-ini,
Bell-etti...), as Italian surnames are formed, so that 100,000 people share names about as
often as they do in life.
"""

from __future__ import annotations

from dataclasses import dataclass


def pool(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))


def combine(firsts: str, seconds: str, sep: str = "") -> tuple[str, ...]:
    """Every first part with every second part, e.g. "Ben" + "Ali" -> "Ben Ali"."""
    return tuple(f + sep + s for s in pool(seconds) for f in pool(firsts))


IT_SURNAMES = pool("""
Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno,
Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana,
Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo, Gentile, Martinelli,
Vitale, Lombardo, Serra, Coppola, De Santis, D'Angelo, Marchetti, Parisi, Villa, Conte,
Ferraro, Ferri, Fabbri, Bianco, Marini, Grasso, Valentini, Messina, Sala, De Angelis, Gatti,
Pellegrini, Palumbo, Sanna, Farina, Rizzi, Monti, Cattaneo, Morelli, Amato, Silvestri, Mazza,
Testa, Grassi, Pellegrino, Carbone, Giuliani, Benedetti, Barone, Rossetti, Caputo, Montanari,
Guerra, Palmieri, Bernardi, Martino, Fiore, De Rosa, Ferretti, Bellini, Basile, Riva, Donati,
Piras, Vitali, Battaglia, Sartori, Neri, Costantini, Milani, Pagano, Ruggiero, Sorrentino,
D'Amico, Orlando, Damico, Negri, Di Stefano, La Rosa, Lo Russo, Del Monte, Dell'Acqua,
D'Alessandro, Di Giovanni, Lo Bianco, La Torre, Della Valle, Di Marco, D'Agostino, D'Onofrio,
Dell'Orto, Lo Presti, Li Causi, De Simone, Di Pietro, De Marco, Di Lorenzo, Macrì, Fotì,
Calabrò, Zappalà, Cannavò, Barillà, Nicolò, Brambilla, Colombi, Crippa, Borghi, Cozzi,
Galimberti, Pozzi, Mauri, Ronchi, Ripamonti, Vismara, Beretta, Radaelli, Tagliabue, Cereda,
Bonfanti, Sironi, Viganò, Monzani, Airoldi, Pirovano, Scotti, Magni, Brivio, Cazzaniga,
Fumagalli, Garavaglia, Legnani, Meroni, Mapelli, Oldani, Perego, Rigamonti, Spreafico,
Terraneo, Valtorta, Zanetti, Zanella, Zanon, Zorzi, Bortolotti, Pavan, Scarpa, Tonon, Vianello,
Esposto, Cirillo, Iovine, Capasso, Amoroso, Napolitano, Marra, Vitiello, Iannone, Pagliuca,
Mele, Morabito, Scopelliti, Nicosia, Lo Giudice, Bonanno, Cusumano, Randazzo, Scuderi,
Puglisi, Pappalardo, Arena, Catalano, Marchese, Mangano, Spina, Spano, Pinna, Murgia, Melis,
Deiana, Loi, Porcu, Carta, Fadda, Cau, Mura, Lai, Piga, Sechi, Cocco, Atzori, Cossu, Mereu,
Tedesco, Albanese, Calabrese, Siciliano, Napoli, Genovese, Veneziano, Lucchese, Pisano,
Germano, Basso, Piccolo, Grande, Rossini, Verdi, Mazzini, Mancuso, Lentini, Ferrante,
Sorrentini, Guidi, Bassi, Cavalli, Cavallaro, Lupo, Orsini, Colonna, Sforza, Visconti, Bruni,
Fiorentino, Marchi, Mazzola, Riva Bianchi, Rossi Bianchi, Ferrari Colombo, Bianchi Ferri,
Sala Galli, Villa Conti
""")

IT_STEMS = pool("""
Ross, Bell, Fior, Pagan, Bert, Mart, Marc, Mor, Ricc, Gall, Cont, Ferr, Pell, Bon, Ben, Cas,
Camp, Bald, Brun, Cap, Carl, Ces, Cian, Don, Fabr, Franc, Gasp, Gian, Giust, Gris, Guid,
Lanz, Lor, Lucc, Mag, Man, Mell, Mich, Mont, Nard, Pan, Paol, Pasqu, Pier, Pin, Ran, Rin,
Sal, Sant, Sart, Sav, Simon, Spin, Tass, Tom, Ton, Torr, Vann, Ven, Vent, Zan, Zin, Alb, Ang,
Arc, Bacc, Ball, Barb, Bern, Biag, Bord, Borr, Bott, Bucc, Calv, Cant, Cerr, Chiar, Cipoll,
Coll, Corr, Cort, Cress, Dond, Fals, Fant, Ferm, Filipp, Forn, Gabb, Gatt, Giann, Lamb, Lan,
Lev, Mazz, Merl, Migl, Mol, Nicol, Olg, Orl, Pacc, Pall, Parr, Pesc, Petr, Piol, Pom, Pozz,
Prat, Querc, Ricch, Rom, Ronc, Rusc, Sabb, Scal, Serr, Stef, Tar, Tedd, Trent, Vald, Vec
""")
IT_SUFFIXES = pool("i, ini, etti, elli, otti, oni, ucci, azzi, ato, ero, ardi, esi, ello, one")

IT_MALE = pool("""
Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Angelo, Vincenzo, Pietro, Salvatore,
Carlo, Franco, Domenico, Bruno, Paolo, Michele, Giorgio, Aldo, Sergio, Luciano, Marco,
Alessandro, Andrea, Luca, Matteo, Lorenzo, Davide, Simone, Federico, Stefano, Roberto,
Massimo, Fabio, Claudio, Maurizio, Alberto, Gianluca, Gian Luca, Pier Paolo, Gian Marco,
Riccardo, Daniele, Emanuele, Alessio, Tommaso, Gabriele, Leonardo, Edoardo, Niccolò, Nicolò,
Nicola, Diego, Filippo, Enrico, Cristian, Christian, Manuel, Samuele, Mattia, Elia, Jacopo,
Giacomo, Pietro Paolo, Raffaele, Gennaro, Ciro, Rocco, Cosimo, Carmelo, Calogero, Gaetano,
Rosario, Sebastiano, Ignazio, Corrado, Ettore, Ferdinando, Fausto, Gino, Guido, Ivano,
Lino, Mauro, Nazzareno, Oreste, Ottavio, Renato, Renzo, Romano, Silvio, Ugo, Valerio,
Walter, Mosè, Noè, Giosuè, Elio, Dario, Ivan, Igor, Loris, Omar, Kevin, Denis, Ruggero,
Umberto, Vittorio, Achille, Amedeo, Arturo, Attilio, Benito, Cesare, Dino, Emilio, Enzo,
Ernesto, Fabrizio, Fernando, Flavio, Gianni, Graziano, Italo, Leone, Libero, Marcello, Nello,
Osvaldo, Pasquale, Primo, Rinaldo, Santo, Tiziano, Valentino, Vasco, Zeno
""")
IT_FEMALE = pool("""
Maria, Anna, Giuseppina, Rosa, Angela, Giovanna, Teresa, Lucia, Carmela, Caterina,
Francesca, Antonietta, Carla, Elena, Rita, Laura, Paola, Giulia, Sara, Chiara, Martina,
Alessandra, Valentina, Federica, Silvia, Elisa, Roberta, Barbara, Monica, Cristina,
Simona, Daniela, Patrizia, Raffaella, Stefania, Manuela, Michela, Sabrina, Alice, Sofia,
Aurora, Ginevra, Beatrice, Emma, Greta, Gaia, Noemi, Zoe, Zoë, Chloé, Matilde, Vittoria,
Anna Maria, Anna-Maria, Annamaria, Maria Grazia, Maria Teresa, Maria Rosa, Rosaria,
Concetta, Immacolata, Assunta, Nunzia, Filomena, Carmen, Graziella, Ornella, Loredana,
Marisa, Marina, Marta, Mirella, Nadia, Nicoletta, Ilaria, Irene, Isabella, Ludovica,
Lucrezia, Margherita, Miriam, Nicole, Rebecca, Serena, Tiziana, Veronica, Viola, Wanda,
Adele, Agnese, Bianca, Camilla, Cecilia, Clara, Claudia, Debora, Eleonora, Erica, Fabiola,
Gabriella, Gloria, Ida, Ines, Lidia, Luisa, Mara, Natalia, Pamela, Piera, Pina, Rachele,
Renata, Sonia, Vanessa, Vera, Arianna, Benedetta, Bice, Elisabetta, Emanuela, Franca,
Gemma, Jessica, Katia, Licia, Lorena, Luana, Milena, Morena, Norma, Ottavia, Tina
""")


@dataclass(frozen=True)
class Origin:
    """Where a group of people comes from: names, citizenship and codice fiscale place."""

    key: str
    weight: float
    citizenship: str
    birth_place: str  # as the codice fiscale tables name it
    place_code: str  # Belfiore code
    cf_rate: float  # how many hold a codice fiscale
    surnames: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    second_surname: float = 0.0  # how often people carry two surnames (Latin America)
    second_given: float = 0.0  # how often they are registered with two given names


ARABIC_M = pool("""Mohamed, Mohammed, Muhammad, Ahmed, Youssef, Said, Rachid, Abdelkader,
Mustapha, Hassan, Khalid, Karim, Omar, Hamza, Ayoub, Ilyas, Adil, Aziz, Brahim, Driss, Hicham,
Jamal, Mehdi, Nabil, Noureddine, Othmane, Redouane, Samir, Tarik, Yassine, Zakaria, Abdellah,
Anas, Bilal, Ismail, Soufiane, Walid, Mahmoud, Ibrahim, Mostafa, Abdelrahman, Ashraf, Tamer""")
ARABIC_F = pool("""Fatima, Khadija, Aicha, Naima, Samira, Salma, Meryem, Nadia, Latifa, Zineb,
Hanane, Imane, Soukaina, Malika, Amina, Asmaa, Btissam, Fatiha, Hafsa, Houda, Ikram, Kawtar,
Layla, Loubna, Najat, Nora, Rajae, Sanaa, Siham, Wafaa, Yasmine, Zahra, Hind, Mariam, Rania""")
MA_S = pool("""El Amrani, Benali, Bennani, El Idrissi, Alaoui, Chakir, Bouzid, El Fassi, Tazi,
Berrada, Ouali, Haddad, Rahmouni, Benjelloun, Amrani, Belkadi, El Khattabi, Boukhari, Bourass,
Chraibi, Daoudi, El Mansouri, Elhaddad, Errahmani, Fikri, Ghazali, Hajji, Jabri, Kabbaj, Lahlou,
Mansouri, Naciri, Ouazzani, Rami, Saidi, Tahiri, Zerouali, Ziani, Bakkali, Bouazza, Cherkaoui,
El Ouardi, Filali, Guessous, Hamdaoui, Karimi, Lamrani, Maaroufi, Moussaoui, Nejjar, Sabri,
Slaoui, Talbi, Yacoubi, Zaidi, Benmoussa, Boutaleb, El Alami""") + combine(
    "Ben, Ait, El",
    """Ali, Said, Omar, Moussa, Brahim, Hadj, Kacem, Taleb, Azzouz, Abbou, Jelloun, Khalifa,
    Salah, Youssef, Hamou, Driss, Aissa, Lahcen, Amar, Mimoun""",
    " ",
)
EG_S = ARABIC_M + pool("""El Sayed, Abdel Aziz, Farouk, Mansour, Soliman, Shehata, Gomaa,
Abdelaal, Ragab, Saad, Salem, Hamdy, Fathy, Zaki, Khalil, Aboelela, El Gamal, El Masry, Ghoneim,
Hegazy, Morsy, Nasr, Ramadan, Sabry, Tawfik""")
RO_S = pool("""Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Rusu,
Munteanu, Matei, Constantin, Moldovan, Ciobanu, Dinu, Lungu, Ștefan, Rădulescu, Năstase, Mocanu,
Toma, Tudor, Marin, Ene, Barbu, Nistor, Florea, Croitoru, Sârbu, Oprea, Lazăr, Cristea,
Dragomir, Enache, Ilie, Iordache, Manole, Neagu, Olteanu, Pavel, Preda, Sandu, Sima, Surdu,
Tănase, Ungureanu, Vasile, Zamfir, Bălan, Căpraru, Dobre, Avram, Cozma, Husar, Mureșan, Pîrvu,
Roman, Țurcanu, Voicu""") + combine(
    """Pop, Ion, Stan, Dobr, Vasil, Petr, Dumitr, Georg, Nicol, Marin, Stoic, Grigor, Anghel, Lup,
    Bran, Dragom, Tudor, Paun, Bogd, Ursul, Gavril, Andron, Dinc, Neag, Rad, Bucur, Mirc, Serb""",
    "escu, eanu, aru, oiu, an, ache",
)
RO_M = pool("""Ion, Gheorghe, Vasile, Constantin, Mihai, Andrei, Alexandru, Florin, Marius,
Adrian, Ionuț, Cătălin, Bogdan, Cosmin, Daniel, Dumitru, Costel, Gabriel, Iulian, Laurențiu,
Liviu, Lucian, Nicolae, Ovidiu, Petru, Radu, Sorin, Valentin, Viorel, Ștefan, Dorin, Emil""")
RO_F = pool("""Ana, Maria, Elena, Ioana, Mihaela, Andreea, Cristina, Daniela, Florentina,
Gabriela, Loredana, Nicoleta, Alina, Roxana, Ramona, Adriana, Carmen, Corina, Diana, Georgiana,
Irina, Larisa, Luminița, Mădălina, Monica, Oana, Raluca, Simona, Violeta, Camelia, Anca,
Ana-Maria, Maria Cristina, Elena Roxana, Lăcrămioara""")
AL_S = (
    pool("""Hoxha, Shehu, Çela, Dervishi, Krasniqi, Gashi, Berisha, Kola, Lleshi, Marku,
Prifti, Dushku, Muça, Hysa, Leka, Meta, Nika, Rama, Sula, Tafa, Xhafa, Zeneli, Bajrami, Basha,
Brahimi, Dedja, Gjoka, Hasani, Ismaili, Kapllani, Kurti, Lika, Mema, Mucaj, Ndreu, Paja, Qosja,
Ruci, Shkurti, Tahiri, Vata, Xhani, Zefi, Bici, Cani, Dibra, Elezi, Gjini, Hila, Isufi""")
    + combine(
        """Hoxh, Lek, Mark, Gjon, Prend, Ndoc, Kol, Gjok, Nik, Pal, Dod, Zef, Lul, Tom,
        Mus, Bib, Pep, Kal, Ded, Gjerg, Shkemb, Bardh, Llesh, Mird, Rrap""",
        "aj, a, i, ja",
    )
)
AL_M = pool("""Ardit, Besnik, Ermal, Klodian, Dritan, Fatjon, Gentian, Ilir, Artan, Altin,
Arben, Bledar, Edmond, Erion, Flamur, Genti, Ilirjan, Kastriot, Leonard, Marsel, Olsi, Redon,
Sokol, Taulant, Valon, Xhevdet, Agron, Blerim, Elvis, Endri""")
AL_F = pool("""Elira, Arjola, Blerina, Anila, Alketa, Brunilda, Dorina, Elona, Enkelejda,
Entela, Ermira, Fatbardha, Flutura, Gentiana, Ilda, Jonida, Klodiana, Lindita, Majlinda, Mirela,
Migena, Orjeta, Rovena, Suela, Valbona, Xhoana, Anisa, Besa, Dafina, Erjona""")
UA_S = pool("""Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Oliynyk, Melnyk,
Boyko, Koval, Polishchuk, Tkachuk, Savchenko, Rudenko, Lysenko, Moroz, Marchenko, Petrenko,
Klymenko, Pavlenko, Ponomarenko, Kozak, Kovalchuk, Romanenko, Shevchuk, Levchenko, Mazur,
Karpenko, Kuzmenko, Nazarenko, Ostapenko, Tymoshenko, Yakovenko, Zinchenko, Demchenko""") + combine(
    """Koval, Bondar, Tkach, Kravch, Petr, Sydor, Ivan, Pavl, Klym, March, Shevch, Lys, Hnat,
    Dan, Fed, Yats, Hryts, Stepan, Savch, Mart, Lev, Oleks, Prokop, Rom, Kuz, Hord, Syr, Zhur""",
    "enko, uk, yk, chuk, ets, ak, iv",
)
UA_M = pool("""Mykola, Oleksandr, Andriy, Serhiy, Volodymyr, Dmytro, Yuriy, Taras, Bohdan,
Ivan, Vasyl, Petro, Oleh, Roman, Viktor, Ihor, Maksym, Vitaliy, Yaroslav, Artem""")
UA_F = pool("""Olena, Oksana, Iryna, Nataliya, Svitlana, Tetiana, Yulia, Olha, Halyna, Lyudmyla,
Nadiya, Larysa, Valentyna, Mariya, Kateryna, Anastasiya, Viktoriya, Liliya, Inna, Lesya,
Zoryana, Khrystyna, Solomiya, Ulyana""")
SN_S = pool("""Diop, Ndiaye, Fall, Sow, Diallo, Ba, Sy, Gueye, Faye, Sarr, Mbaye, Ndoye, Cissé,
Touré, Traoré, Koné, Camara, Diouf, Seck, Thiam, Kane, Dieng, Niang, Mbengue, Sall, Wade,
Ndour, Diagne, Lo, Samb, Sène, Badji, Coly, Diatta, Goudiaby, Mané, Sagna, Tall, Wane, Dramé""")
SN_M = pool("""Mamadou, Moussa, Ousmane, Ibrahima, Abdoulaye, Cheikh, Modou, Babacar, Aliou,
Lamine, Amadou, Assane, Boubacar, El Hadji, Fallou, Ibou, Malick, Mansour, Omar, Pape, Saliou,
Serigne, Souleymane, Tidiane, Youssou, Mbaye, Alassane, Bassirou, Demba, Samba, Khadim""")
SN_F = pool("""Fatou, Aminata, Awa, Mariama, Aissatou, Khady, Ndeye, Astou, Bineta, Coumba,
Dieynaba, Fatoumata, Kiné, Maimouna, Marème, Ndèye Fatou, Oumou, Rokhaya, Seynabou, Sokhna,
Adama, Binta, Diarra, Mame Diarra, Penda, Yacine, Ramatoulaye, Sophie""")
NG_S = pool("""Okafor, Adeyemi, Okonkwo, Eze, Nwosu, Obi, Adebayo, Ogunleye, Ibrahim, Musa,
Bello, Abubakar, Chukwu, Nnamdi, Okeke, Onyeka, Uche, Osagie, Igbinedion, Ehigiator, Osaro,
Omoruyi, Aigbe, Idahosa, Ogbeide, Ighodaro, Edokpolo, Uwaifo, Ekhator, Okoro""")
NG_M = pool("""Chinedu, Emmanuel, Samuel, Daniel, David, Godwin, Friday, Sunday, Osas, Kingsley,
Prince, Victor, Ikechukwu, Tunde, Segun, Ayodele, Efosa, Osaze, Uyi, Collins, Lucky""")
NG_F = pool("""Blessing, Joy, Precious, Faith, Mercy, Peace, Gift, Favour, Esther, Grace,
Osasere, Efe, Ngozi, Chioma, Adaeze, Funmilayo, Omolara, Ivie, Osayi, Princess, Happiness""")
LATIN_S = pool("""Quispe, Mamani, Flores, García, Rodríguez, Sánchez, Huamán, Chávez, Ramírez,
Torres, Vargas, Mendoza, Rojas, Gutiérrez, Castillo, Espinoza, Díaz, Vásquez, Romero, Morales,
Salazar, Herrera, Medina, Aguilar, Castro, Ortiz, Núñez, Peña, Cárdenas, Villanueva, Zambrano,
Cedeño, Intriago, Loor, Macías, Mora, Palacios, Pérez, López, González, Jiménez, Ruiz, Reyes,
Paredes, Cruz, Huanca, Condori, Ccori, Ticona, Cahuana, Chura, Apaza, Yupanqui, Calle, Guamán,
Pillco, Tenesaca, Lema, Tuárez, Ponce, Alvarado, Cabrera, Bravo, Navarrete""")
LATIN_M = pool("""José, Juan, Luis, Carlos, Jorge, Miguel, Jesús, Wilmer, Edwin, Richard,
Cristian, Jhon, Víctor, Julio, César, Manuel, Pedro, Raúl, Hugo, Fernando, Javier, Oscar, Ángel,
Franco, Diego, Bryan, Kevin, Jhonatan, Henry, Wilson, Segundo, Marco Antonio, Juan Carlos,
José Luis""")
LATIN_F = pool("""Rosa, María, Carmen, Ana, Luz, Milagros, Yolanda, Gladys, Jessica, Katherine,
Lucía, Nelly, Elizabeth, Maribel, Sonia, Patricia, Rocío, Marleny, Janeth, Diana, Evelyn,
Mercedes, Gloria, Flor, Norma, Teresa, Lourdes, Angélica, Ruth, Silvia, María José, Ana Lucía""")
CN_S = pool("""Hu, Chen, Wang, Zhang, Li, Liu, Yang, Huang, Zhou, Wu, Xu, Sun, Zhu, Ma, Lin,
Zheng, Ye, Jin, Pan, Dong, Ji, Lu, Xie, Zhao, Gao, Jiang, Shi, Cai, Ying, Weng""")
CN_M = pool("Wei, Jian, Lei, Jun, Hao, Qiang, Bo, Gang, Jie, Ming") + combine(
    "Zhi, Jian, Hao, Jun, Yi, Wen, Xiao, Guo, Tian, Yong, Cheng, Jia, Zi, Rui, Hai",
    "wei, ming, jie, feng, long, bin, tao, yang, hui, lin, gang, qiang, peng",
)
CN_F = pool("Jing, Li Na, Hui, Ying, Yan, Fang, Min, Hong, Mei, Ting") + combine(
    "Xiao, Mei, Li, Jia, Yu, Xin, Shu, Hui, Wen, Ya, Jing, Zi, Yi, Qian, Ruo",
    "li, yan, hong, juan, ying, ting, xin, qi, han, lan, xue, min, fang, yun",
)
IN_S = pool("""Singh, Kaur, Kumar, Sharma, Patel, Gill, Sandhu, Sidhu, Dhillon, Grewal, Brar,
Virk, Bains, Chahal, Mann, Sekhon, Randhawa, Bajwa, Verma, Gupta, Yadav, Das, Thakur, Chauhan""")
IN_M = pool("""Gurpreet, Harpreet, Manpreet, Jaspreet, Sukhwinder, Rajesh, Amit, Ravi, Sunil,
Harjit, Kuldeep, Balwinder, Jaswinder, Paramjit, Gurjit, Lakhvir, Navdeep, Sandeep, Vikram""")
IN_F = pool("""Simran, Priya, Pooja, Harpreet, Manpreet, Jaspreet, Kiranjit, Rajwinder,
Amandeep, Navneet, Sukhjit, Gurleen, Sunita, Anita, Neha, Kavita, Deepika, Rupinder, Baljit""")
PK_S = pool("""Khan, Ahmed, Ali, Hussain, Iqbal, Akhtar, Malik, Butt, Chaudhry, Raza, Shah,
Javed, Qureshi, Abbasi, Mirza, Aslam, Bashir, Nawaz, Riaz, Shahzad, Zafar, Anwar, Sadiq, Tariq""")
PK_M = pool("""Muhammad, Imran, Asif, Bilal, Usman, Shahid, Nadeem, Farhan, Zeeshan, Kashif,
Waqas, Adnan, Faisal, Hamza, Junaid, Naveed, Rizwan, Sajid, Tahir, Yasir""")
PK_F = pool("""Ayesha, Sana, Fatima, Nusrat, Shabnam, Saima, Sadia, Rabia, Hina, Amna, Bushra,
Farah, Iqra, Kiran, Mehwish, Nadia, Rukhsana, Samina, Uzma, Zainab""")
BD_S = pool("""Rahman, Hossain, Islam, Uddin, Mia, Begum, Akter, Ahmed, Alam, Chowdhury, Haque,
Karim, Molla, Sarkar, Sheikh, Talukder""")
BD_M = pool("""Rakib, Sabbir, Mohammad, Abdul, Rafiq, Shahidul, Kamal, Jamal, Mizanur, Monir,
Nazmul, Rashed, Saiful, Shamim, Tanvir""")
BD_F = pool("""Nusrat, Shirin, Rina, Shapla, Farzana, Jesmin, Laila, Moushumi, Nasrin, Rokeya,
Sharmin, Taslima, Rehana, Sultana""")
PH_S = LATIN_S[::2] + pool("""Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza,
Dela Cruz, Del Rosario, De Guzman, Aquino, Ramos, Villanueva, Castillo, Manalo, Pascual,
Mercado, Navarro, Tolentino,
Gonzales, Soriano, Magbanua, Dizon, Domingo, Enriquez, Fernandez, Lim, Macaraeg, Panganiban,
Salvador, Tan, Valdez""")
PH_M = pool("""Rodel, Jomar, Ronaldo, Jun, Mark Anthony, John Paul, Jayson, Rey, Arnel, Joel,
Reynaldo, Rommel, Edgardo, Jerome, Noel, Romeo, Dennis, Ariel, Marlon, Randy""")
PH_F = pool("""Maricel, Rowena, Jocelyn, Marites, Analyn, Lorna, Evelyn, Mary Grace, Marivic,
Rosalie, Divina, Cristina, Lovely, Mylene, Arlene, Gemma, Liezl, Jennelyn, Rhea, Sheila""")
LK_S = pool("""Perera, Fernando, Silva, De Silva, Jayasinghe, Wickramasinghe, Rajapaksa,
Dissanayake, Bandara, Gunawardena, Herath, Kumara, Jayawardena, Ranasinghe, Senanayake,
Wijesinghe, Rathnayake, Karunaratne, Peiris, Mendis, Gamage, Liyanage, Samarasinghe""")
LK_M = pool("""Nuwan, Chaminda, Kasun, Pradeep, Sampath, Lasantha, Ruwan, Sanjeewa, Chathura,
Dinesh, Asanka, Thilina, Upul, Janaka, Nalin""")
LK_F = pool("""Dilani, Nirosha, Sanduni, Chamari, Nadeeka, Sandya, Kumari, Anusha, Dilrukshi,
Ishara, Madhavi, Nilmini, Shanika, Tharushi, Yasodha""")
TR_S = pool("""Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Özdemir, Arslan, Doğan,
Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan""")
TR_M = pool("Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Burak")
TR_F = pool("Emine, Ayşe, Fatma, Zeynep, Elif, Hatice, Meryem, Özlem, Gül, Şule")

FOREIGN: tuple[Origin, ...] = (
    Origin("MA", 6, "Marocco", "Marocco", "Z330", 0.6, MA_S, ARABIC_M, ARABIC_F, 0, 0.1),
    Origin("EG", 2.5, "Egitto", "Egitto", "Z336", 0.6, EG_S, ARABIC_M, ARABIC_F, 0, 0.3),
    Origin("RO", 5, "Romania", "Romania", "Z129", 0.8, RO_S, RO_M, RO_F, 0, 0.2),
    Origin("AL", 4, "Albania", "Albania", "Z100", 0.75, AL_S, AL_M, AL_F),
    Origin("UA", 3, "Ucraina", "Ucraina", "Z138", 0.7, UA_S, UA_M, UA_F),
    Origin("SN", 2, "Senegal", "Senegal", "Z343", 0.7, SN_S, SN_M, SN_F, 0, 0.35),
    Origin("NG", 1.5, "Nigeria", "Nigeria", "Z335", 0.7, NG_S, NG_M, NG_F, 0, 0.4),
    Origin("PE", 3, "Perù", "Perù", "Z611", 0.7, LATIN_S, LATIN_M, LATIN_F, 0.8, 0.2),
    Origin("EC", 2.5, "Ecuador", "Ecuador", "Z605", 0.7, LATIN_S, LATIN_M, LATIN_F, 0.8, 0.2),
    Origin("CN", 2, "Cina", "Repubblica Popolare Cinese", "Z210", 0.85, CN_S, CN_M, CN_F),
    Origin("IN", 0.6, "India", "India", "Z222", 0.75, IN_S, IN_M, IN_F, 0, 0.3),
    Origin("PK", 1.2, "Pakistan", "Pakistan", "Z236", 0.75, PK_S, PK_M, PK_F, 0, 0.4),
    Origin("BD", 0.8, "Bangladesh", "Bangladesh", "Z249", 0.75, BD_S, BD_M, BD_F, 0, 0.5),
    Origin("PH", 1.5, "Filippine", "Filippine", "Z216", 0.8, PH_S, PH_M, PH_F, 0, 0.5),
    Origin("LK", 1.5, "Sri Lanka", "Sri Lanka", "Z209", 0.8, LK_S, LK_M, LK_F, 0, 0.5),
    Origin("TR", 0.5, "Turchia", "Turchia", "Z243", 0.75, TR_S, TR_M, TR_F, 0, 0.3),
)

# Italians: (birth place as the codice fiscale tables name it, Belfiore code, weight)
IT_BIRTH_PLACES = (
    ("Milano", "F205", 30), ("Rho", "H264", 22), ("Legnano", "E514", 5),
    ("Garbagnate Milanese", "D912", 5), ("Monza", "F704", 2), ("Bergamo", "A794", 1),
    ("Brescia", "B157", 1), ("Varese", "L682", 1), ("Torino", "L219", 1), ("Roma", "H501", 1),
    ("Napoli", "F839", 5), ("Palermo", "G273", 4), ("Bari", "A662", 3), ("Catania", "C351", 3),
    ("Foggia", "D643", 3), ("Reggio di Calabria", "H224", 3), ("Lecce", "E506", 2),
    ("Cosenza", "D086", 2), ("Salerno", "H703", 2), ("Agrigento", "A089", 2),
    ("Piacenza", "G535", 1),
)  # fmt: skip
