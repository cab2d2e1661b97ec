"""Word lists for `newsclean.boundaries`: common Indonesian words, camel-case names, glued function words.

`COMMON_WORDS`: lowercase words (two letters or more) found standing alone in at least 100 of the ~54,000
articles of the project's two shared samples (50,060 real articles, 3,834 from other scrapers), in alphabetical
order. A glued token is split only where its left part is one of them (`menurut|Newsweek`, `Presiden|Prabowo`):
a left part that is not a word (`Mac|Book`, `Tik|Tok`, `Mc|Laren`) belongs to a camel-case name. It is general
vocabulary (what any Indonesian frequency list holds), not text of the samples.

`CAMEL_CASE_NAMES`: camel-case tokens that must never be split although their left part is a common word
(`YouTube`'s `you`, `detikNews`' `detik`, `AirAsia`'s `air`). Found by counting, in the same samples, the
camel-case tokens that recur as-is (in 3 or more articles) and whose spaced form (`Air Asia`) is rarer than
the glued one, then read by hand: the recurring glue of an attribution word or a preposition to a name
(`dariAntara`, `PresidenPrabowo`, `JugaAdapun`, re-scrapes repeat it too) was left out, brand and product
names kept; the names the issue lists (`iPhone`, `WhatsApp`, `TikTok`, `McDonald`, `PlayStation`, `LinkedIn`,
`JavaScript`, `eSports`, `kumparanNEWS`, `iNews`) are added whatever their counts. Most never reach the split
anyway (one lowercase letter before the capital, or a left part that is not a common word); listing them
keeps the rule honest if the word list grows. `CAMEL_CASE_PREFIXES`: outlet brands whose channel names are
open-ended (`detikOto`, `detikJatim`, `detikSumbagsel`, `TribunJatim`, `KompasTV`, `LayarDramaIndonesia`).

`GLUE_ENDINGS`: function words split off the end of a lowercase run (`dioversold|tetapi`): long, very
frequent, and not the ending of any common Indonesian word. `GLUE_ENDINGS_NEEDING_WORD` are also endings of
real words (`sayang`, `menyadari`, `terdalam`, `kepada`, `bergandengan`), so they split only when what is
left is itself a common word. `di`, `ke`, `dan` and `akan` are left out: they end too many words (`menjadi`, `Ramadan`,
`kerusakan`).
"""

from __future__ import annotations

from typing import Final

_COMMON_WORDS: Final = """
abad abadi absen abu acak acara action acuan ad ada adalah adanya adaptasi adaptif adat adegan adik adiknya
adil administrasi administratif adopsi adu aduan advokat agak agama agar agen agenda agensi agresif ahli air
airnya aja ajak ajakan ajang ajaran akad akademi akademik akademisi akal akan akar akhir akhirnya akibat
akomodasi akrab akrabnya akselerasi aksen akses aksesori aksesoris aksi aksinya aktif akting aktingnya aktivis
aktivitas aktivitasnya aktor aktris aku akui akuisisi akumulasi akun akuntabel akuntabilitas akurasi akurat
akut al ala alam alamat alami alas alasan alasannya alat album alergi alhamdulillah aliansi alias alih aliran
alkohol all almarhum alokasi alternatif aluminium alumni alur amal aman amanah amanat amankan amat ambang
ambil ambisi ambisius ambulans ampuh amunisi an anak anaknya analis analisis anarkis ancaman and anda andal
andalan andalannya andil aneh aneka anggap anggapan anggaran anggota anggotanya anggun angin angka angkanya
angkasa angkat angkatan angkutan animasi anjing anjlok antar antara antaranya anti antikorupsi antioksidan
antirasuah antisipasi antrean antusias antusiasme anyar apa apabila apakah apalagi apapun aparat aparatur
apartemen apel api apik aplikasi apresiasi arah arahan area areal arena armada aroma arsitektur arti artikel
artinya artis arus asa asal asalkan asalnya asam asap asas asasi aset asin asing asisten asli aslinya asmara
asosiasi aspal aspek aspirasi asrama assist asuh asuhan asuhnya asumsi asupan asuransi asyik at atap atas
atasan atasnya atau ataupun atlet atmosfer atraksi atribut aturan audiensi audio audisi audit aura awak awal
awalnya awan awet ayah ayahnya ayal ayam ayat ayo babak baca back badai badan badannya bagaimana bagi bagian
bagikan baginya bagus bahagia bahan bahas bahasa bahaya bahkan bahu bahwa baik baiknya baja baju bak bakal
bakar bakat bakteri bakti baku balap balapan balas balasan balik balita balutan bambu ban band bandar bandara
banderol banding banget bangga bangkit bangku bangsa bangun bangunan banjir bank bansos bantu bantuan banyak
banyaknya bapak bar bara barang barat barel bareng barisan baru barunya basah basis basket batal batang batas
batasan baterai batik batin batu batuk bau bawa bawaan bawah bawahnya bawang bayangkan bayar bayaran bayi
bayinya bea beasiswa beban bebas beber beberapa bebernya beda bedah begini begitu bek bekal bekas bekerja
bekerjasama bela belah belahan belajar belaka belakang belakangan belakangnya belanja belas belasan
belasungkawa beli beliau belum benar benarkah bencana benda bendera bener bengkak benih bensin bentrok
bentrokan bentuk bentuknya benturan benua bepergian berada beradaptasi beradu beragam beragama berakhir
berakhirnya berakibat beraksi berakting beraktivitas beralasan beralih berambisi berambut beranggapan
beranggotakan berangkat berangsur berani beranjak berantakan berapa berarti beras berasal berat berawal
berbagai berbagi berbahan berbahasa berbahaya berbakat berbalik berbanding berbasis berbau berbayar berbeda
berbelanja berbentuk berbicara berbincang berbisnis berbohong berbondong berbuah berbuat berbulan berbunyi
berburu bercanda bercerai bercerita berdamai berdampak berdampingan berdarah berdasar berdasarkan berdatangan
berdaya berdekatan berdialog berdiri berdirinya berdiskusi berdoa berdua berduka berdurasi bereaksi berebut
beredar beredarnya berenang berencana berfokus berfoto berfungsi bergabung berganti bergantian bergantung
bergaya bergegas bergengsi bergenre bergerak bergeser bergizi bergulir berguna berhadapan berhak berharap
berharga berhasil berhati berhenti berhijab berhubungan beri beribadah berikan berikut berikutnya berimbas
berinisial berinovasi berintegritas berinteraksi berinvestasi berisi berisikan berisiko beristirahat berita
berjaga berjalan berjalannya berjanji berjarak berjenis berjualan berjuang berjudul berjuluk berjulukan
berjumlah berjumpa berkaca berkah berkaitan berkala berkali berkapasitas berkarier berkarya berkas berkat
berkata berkebangsaan berkekuatan berkelanjutan berkelas berkeliling berkembang berkenalan berkendara
berkepanjangan berkesan berkesempatan berkesinambungan berkisar berkolaborasi berkomentar berkomitmen
berkompetisi berkomunikasi berkonsultasi berkontribusi berkoordinasi berkualitas berkuasa berkumpul berkunjung
berkurang berlaga berlaku berlakunya berlalu berlambang berlangsung berlanjut berlapis berlari berlatih
berlawanan berlebih berlebihan berlibur berlokasi berlomba bermain bermakna bermaksud bermanfaat bermasalah
berminat bermotif bermotor bermuatan bermula bermunculan bernada bernama bernapas berniat bernilai bernomor
bernuansa bernyanyi berobat berolahraga beroperasi berorientasi berpacaran berpakaian berpandangan
berpartisipasi berpaspor berpeluang berpendapat berpengalaman berpengaruh berperan berpesan berpihak berpikir
berpindah berpisah berpose berpotensi berprestasi berprofesi berpulang berpura berpusat berputar bersabar
bersahabat bersaing bersalah bersama bersamaan bersamanya bersangkutan bersantai bersatu bersaudara bersedia
bersejarah bersekolah berselang bersemangat bersembunyi bersenang bersenjata berseragam bersiap bersifat
bersih bersikap bersinar bersinergi berskala berstatus bersuara bersumber bersyukur bertahan bertahap bertahun
bertajuk bertambah bertambahnya bertandang bertanding bertanggung bertanya bertarung bertekad bertema berteman
bertempat bertemu bertenaga bertengger bertengkar bertentangan bertepatan berteriak berterima bertindak
bertolak bertransaksi bertugas bertujuan bertukar bertuliskan bertumbuh berturut berubah berujar berujung
berukuran berulang berumur beruntun beruntung berupa berupaya berurusan berusaha berusia bervariasi berwajib
berwarna berwenang besar besaran besarnya beserta besi besok besutan betapa betul biar biarkan biasa biasanya
biaya bibir bibit bicara bicarakan bidang bijak bijaksana biji bikin bila bilang bilateral bimbingan bin
binaan binatang bingung bintang bioskop birokrasi biru bisa bisnis bisnisnya blak blakan blok bobot bocah
bocor bocoran bodi body bohong bola bolak boleh bom bondong bonus bos bosan botol box brand brutal buah buahan
buang buat buatan bubar budaya bugar buka bukaan bukan bukanlah bukannya bukit bukti buktinya buku bulan
bulanan bulannya bulat bulu bulutangkis bumbu bumi bunga bungkus bungsu bunuh bunyi bupati bursa buru buruh
buruk buruknya burung bus busana butir butuh by cabai cabang cacat cadangan cahaya cair cairan cakupan caleg
call calon camilan campur campuran canggih cantik capai capaian capek capim capres caption car cara caranya
cari cat catatan cawapres cc cedera cek celah celana cemas cenderung center cepat cerah cerai cerdas ceria
cerita ceritanya cermat cetak cewek channel chat check chip cibiran cincin cinta cintai cintanya ciptakan ciri
cita citra cm cmd co coba cocok cokelat coklat com comeback commerce contoh contohnya corona cover cowok cs
cuaca cuci cucu cuit cuitan cukai cukup cuma cuplikan curhat curiga cuti da dada daerah daerahnya daftar
daftarkan dagang daging dahulu dakwaan dalam dalami dalamnya dalang damai dampak dampaknya dan dana dangdut
dapat dapatkan dapur darah darat daratan dari daring darinya daripada darurat dasar dasarnya data datang
datangnya datanya daun day daya de dealer debat debu debut debutnya dedikasi defisit degradasi deh dekade
dekat dekatnya deklarasi dekorasi delapan delegasi demam demi demikian demo demografi demokrasi demokratis
demonstran demonstrasi denda dendam dengan dengannya dengar depan depannya depresi derajat deras deretan desa
desain desainer desainnya desakan destinasi detail detik detikcom detikers dewan dewasa di dia diabaikan
diabetes diadakan diajak diajukan diakhiri diakibatkan diakses diakui dialami dialaminya dialihkan dialog
dialokasikan diam diamankan diambil diancam diandalkan dianggap diangkat diangkut dianjurkan diantar diantara
diantaranya diantisipasi diapresiasi diarahkan diatas diatasi diatur diawali diawasi dibaca dibacakan dibagi
dibagikan dibahas dibakar dibalas dibalik dibalut dibanderol dibanding dibandingkan dibangun dibanjiri
dibantah dibantu dibarengi dibatalkan dibatasi dibawa dibawah dibawakan dibayar dibayarkan dibebaskan dibekali
dibeli dibenarkan dibentuk diberangkatkan diberhentikan diberi diberikan diberitakan diberlakukan dibersihkan
dibiarkan dibicarakan dibilang dibintangi diblokir dibongkar dibuang dibuat dibuka dibuktikan dibunuh diburu
dibutuhkan dicabut dicampur dicanangkan dicapai dicari dicatat dicegah dicek diceritakan dicetak dicintai
diciptakan dicoba didaftarkan didakwa didalami didampingi didapat didapatkan didapuk didasari didasarkan
didatangi didatangkan didengar diderita dideritanya didesain didik didirikan didominasi didorong diduga
didukung diet dievakuasi dievaluasi difokuskan difungsikan digadang digagas digambarkan diganti digantikan
digarap digelar digemari digital digitalisasi digunakan dihadapi dihadapkan dihadiri dihadirkan dihapus
diharapkan dihargai diharuskan dihasilkan dihebohkan dihelat dihentikan dihiasi dihilangkan dihimpun dihindari
dihitung dihormati dihubungi dihukum dihuni diidentifikasi diikat diikuti diimbau diimplementasikan diingat
diinginkan diinisiasi diiringi diisi diizinkan dijadikan dijadwalkan dijaga dijalani dijalankan dijamin
dijangkau dijanjikan dijatuhi dijatuhkan dijawab dijelaskan dijerat dijual dijuluki dijumpai dikabarkan
dikaitkan dikaji dikalahkan dikarenakan dikaruniai dikasih dikatakan dikategorikan dikawal dikejar dikelilingi
dikelola dikeluarkan dikemas dikembalikan dikembangkan dikemudikan dikenai dikenakan dikenal dikenali dikenang
dikendalikan dikendarai dikerahkan dikerjakan diketahui dikhawatirkan dikirim dikirimkan diklaim
dikombinasikan dikomentari dikonfirmasi dikonsumsi dikritik dikuasai dikumpulkan dikunjungi dikurangi dikutip
dilahirkan dilakoni dilaksanakan dilakukan dilakukannya dilalui dilanda dilanggar dilangsungkan dilanjutkan
dilansir dilantik dilaporkan dilarang dilarikan dilatih dilayangkan dilayani dilengkapi dilepas dilepaskan
diletakkan dilewati dilibatkan dilihat dilindungi dilontarkan diluncurkan dimainkan dimakamkan dimakan
dimaksud dimaksudkan dimana dimanfaatkan dimasak dimasukkan dimenangkan dimensi dimeriahkan dimiliki
dimilikinya diminati diminta dimintai dimuat dimulai dimulainya dimungkinkan dinamika dinamis dinanti
dinantikan dinas dinding dingin dini dinihari dinikmati dinilai dinilainya dinobatkan dinyatakan diolah
dioperasikan dipadamkan dipadukan dipahami dipakai dipaksa dipamerkan dipandang dipandu dipanggil dipantau
dipasang dipasangkan dipasarkan dipastikan dipatok dipecat dipegang dipelajari dipengaruhi dipenjara dipenuhi
diperankan diperbaiki diperbarui diperbincangkan diperbolehkan dipercaya diperdagangkan dipergunakan
diperhatikan diperhitungkan diperiksa diperkenalkan diperkirakan diperkuat diperlakukan diperlihatkan
diperluas diperlukan diperoleh diperpanjang dipersiapkan dipertahankan dipertanyakan dipertemukan
dipertimbangkan diperuntukkan dipesan dipicu dipidana dipikirkan dipilih dipimpin dipindahkan dipisahkan
diplomasi diplomatik dipotong diprediksi diproduksi diproses diproyeksikan dipublikasikan dipukul dipulangkan
dipungkiri diputar diputuskan diragukan diraih dirancang dirangkum dirasa dirasakan dirawat direkam
direkomendasikan direkrut direksi direktur direncanakan diresmikan direvisi diri diriku dirilis dirimu dirinya
dirugikan dirujuk disabilitas disadari disahkan disajikan disaksikan disalahgunakan disalurkan disambut
disampaikan disampaikannya disana disangka disangkakan disapa disarankan disayangkan disebabkan disebar
disebarkan disebut disebutkan disebutnya disediakan diselamatkan diselenggarakan diselesaikan diselidiki
diselimuti disematkan disepakati diserahkan diserang disertai disertakan disesuaikan disetujui disiapkan
disiarkan disibukkan disimpan disinggung disini disinyalir disiplin disita diskon diskriminasi diskusi disorot
display distribusi disukai disuruh disusul disusun disutradarai ditabrak ditahan ditaksir ditambah ditambahkan
ditampilkan ditanam ditandai ditandatangani ditangani ditanggapi ditanggung ditangkap ditanya ditanyakan
ditargetkan ditarik ditawari ditawarkan ditayangkan ditegaskan ditekan ditemani ditembak ditempati ditempatkan
ditempuh ditemui ditemukan ditenagai ditengarai ditentukan ditepis diterapkan diterbitkan diterima diterimanya
diteruskan ditetapkan ditilang ditimbulkan ditindak ditindaklanjuti ditinggal ditinggalkan ditingkatkan
ditolak ditonton ditopang dituding dituduh ditugaskan ditujukan ditulis ditunda ditunggu ditunjuk ditunjukkan
dituntut diturunkan ditutup diubah diucapkan diuji diukur diumumkan diundang diunggah diunggulkan diungkap
diungkapkan diusulkan diusung div divisi divonis diwajibkan diwakili diwarnai diwaspadai diwawancarai
diwujudkan diyakini dkk doa doakan doang doanya dokter dokumen dolar dollar domestik dominan dominasi dompet
donasi dong dorong dorongan dosen dr draf drama dramatis drastis dress driver drone dtk dua dual duduk duel
duet dugaan duit duka dukung dukungan dukungannya dulu duluan dulunya dunia duo durasi duta eceran edaran
edisi edukasi efek efektif efektivitas efisien efisiensi ekonomi ekor ekosistem eks eksekusi eksekutif
eksekutor eksis eksistensi eksklusif ekspansi ekspektasi eksploitasi eksplorasi ekspor eksportir ekspresi
eksternal ekstra ekstrem elegan elektabilitas elektrik elektronik elemen elite email emang emas emisi emiten
emoji emosi emosional empat empati enak enam end energi enggak enggan entah entitas episode era erat erupsi es
eselon esensial eskalasi esok estetika estimasi etik etika etnis euro evakuasi evaluasi event fakta faktanya
faktor fans fantastis fase fashion fasilitas fatal favorit favoritnya fee feminin fenomena festival figur film
filmnya filosofi final finansial finis fintech fisik fiskal fit fitnah fitur fleksibel fleksibilitas fokus
fondasi food for formal formasi format formula formulir forum fosil foto fotografer fotonya fraksi free
frekuensi fresh full function fundamental fungsi fungsinya fungsional ga gabung gabungan gadang gadget gadis
gagah gagal gagasan gaji gak gambar gambaran gamblang gambut game gaming gampang ganda gangguan ganja ganjil
ganteng ganti gantung gara garam garapan garis gas gatal gaun gawang gaya gede gedung gejala gejolak gelandang
gelap gelar gelaran gelas gelombang gemar gemas gembira gemilang gempa gemuk genap gencar generasi geng genre
geografis geopolitik gerai gerak gerakan geram gerbang gereja gigi gila giliran gim gimana gini ginjal girl
gitar gitu gizi glamor global go gol golnya golongan googletag goreng gosip gotong gpt grafis gram gratifikasi
gratis green group grup gua gubernur gudang gue gugatan gugur gula guna gunakan gunung gurih guru ha habis
hadapan hadapi hadiah hadir hadirkan hadirnya haji hak hakim haknya hal halal halaman halnya halus hambatan
hamil hampir hancur handal handphone hangat hangus hanya hanyalah happy haram harap harapan harapannya
harapkan harga harganya hari harian harinya harmonis harta haru harus harusnya hasil hasilnya hati hatian
hatinya hayati head hebat heboh hektar hektare helikopter helm hemat hendak hengkang henti heran hewan hibah
hiburan hidangan hidung hidup hidupnya high hijab hijau hijrah hilang hilangnya hilir hindari hingga historis
hitam hits hitung hitungan hoaks hoax hobi hormat hormon horor host hotel https hubungan hubungannya hujan
hukum hukuman hukumnya hulu hunian huruf hutan hybrid ia ialah ibadah ibu ibunda ibunya id ide ideal
identifikasi identik identitas identitasnya idol idola ihwal ijazah ikan ikatan ikhlas iklan iklim ikon ikonik
ikut ikutan ikuti ilegal ilmiah ilmu ilmuwan imbal imbang imbas imbauan imbuh imbuhnya imigrasi impian
implementasi impor impresif imut in incaran inci indah indeks independen independensi indikasi indikator
individu indonesia induk industri infeksi inflasi influencer info informasi informasinya infrastruktur ingat
ingatan ingin inginkan ini inilah inisial inisiatif injury inklusi inklusif inovasi inovatif insan insentif
insiden insinyur inspirasi inspiratif instagram instalasi instan instansi institusi instruksi instrumen
integrasi integritas intelektual intelijen intens intensif intensitas interaksi interaktif interior internal
internasional internet intervensi inti intim intimidasi intinya investasi investigasi investor iri iritasi is
isi isinya istana istilah istimewa istirahat istri istrinya isu isyarat it item itu itulah iuran iya izin
jabatan jabatannya jadi jadikan jadinya jadwal jaga jagat jago jagung jahat jajaran jajarannya jaket jaksa
jalan jalanan jalani jalannya jalur jam jamaah jaminan jamur jangan jangka jangkauan janji jantung jarak
jarang jari jaringan jas jasa jasad jatah jati jatuh jatuhnya jauh jawab jawaban jawabannya jawabnya jebolan
jeda jejak jejaring jelang jelas jelaskan jelasnya jelek jemaah jembatan jenazah jendela jenderal jenis
jenjang jera jerawat jernih jet jika jiwa jo jok jpnn jual jualan juara judul juga jujur julukan jumlah
jumlahnya jumpa juncto junior juri jurnal jurnalis juru jurusan justru juta jutaan kabar kabarnya kabel kabin
kabinet kabupaten kabur kabut kaca kacamata kacang kadang kadar kader kado kafe kaget kagum kain kaitan
kaitannya kajian kakak kakaknya kakek kaki kakinya kaku kala kalah kalangan kalau kalender kali kalian kalimat
kalinya kalo kalori kamar kambing kamera kami kampanye kampung kampus kamu kan kanal kanan kanannya kancah
kandang kandas kandidat kandung kandungan kandungnya kanker kans kantong kantor kantornya kaos kapal kapan
kapasitas kapasitasnya kapitalisasi kapten karakter karakteristik karakternya karang karbohidrat karbon karena
karenanya karet kargo karhutla karier kariernya karir karirnya kartu karya karyanya karyawan kas kasar kasih
kasihan kasta kasual kasus kasusnya kata katakan katanya kategori kau kaum kaus kawah kawan kawasan kaya kayak
kayaknya kayu ke keadaan keadilan keagamaan keahlian keamanan keanekaragaman kebahagiaan kebaikan kebakaran
kebanggaan kebangkitan kebangsaan kebanyakan kebaya kebebasan kebenaran kebenarannya kebencian keberadaan
keberadaannya keberagaman keberangkatan keberanian keberatan keberhasilan keberlangsungan keberlanjutan
kebersamaan kebersihan keberuntungan kebetulan kebiasaan kebijakan kebingungan kebobolan kebocoran kebudayaan
kebugaran kebun kebuntuan kebutuhan kecaman kecamatan kecantikan kecelakaan kecemasan kecenderungan kecepatan
kecerdasan kecewa kecil kecilnya kecuali kecurigaan kedalaman kedapatan kedatangan kedaulatan kedekatan
kedelapan kedepan kedepannya kediaman kediamannya kedokteran kedua keduanya kedudukan keempat keenam keesokan
kegagalan kegiatan kegiatannya kehabisan kehadiran kehadirannya kehamilan kehangatan kehidupan kehidupannya
kehilangan kehormatan keindahan keinginan keinginannya kejadian kejahatan kejaksaan kejar kejelasan kejuaraan
kejujuran kejutan kekacauan kekalahan kekasih kekasihnya kekayaan kekecewaan kekerasan kekeringan kekhawatiran
kekinian kekuasaan kekuatan kekurangan kelahiran kelak kelamin kelancaran kelangsungan kelanjutan kelapa kelas
kelasnya kelayakan kelebihan kelelahan kelemahan kelembagaan kelembapan kelengkapan kelestarian kelihatan
keliling kelima keliru kelola kelompok keluar keluaran keluarga keluarganya keluarkan keluarnya keluhan
kelurahan kemacetan kemajuan kemampuan kemampuannya kemana kemandirian kemanusiaan kemarahan kemarau kemarin
kemasan kematian kemauan kembali kembalinya kembang kembangkan kembar kemeja kemenangan kementerian
kemerdekaan kemiskinan kemitraan kemudahan kemudian kemunculan kemungkinan kena kenaikan kenakan kenal
kenamaan kenangan kenapa kencan kencang kendala kendali kendaraan kendaraannya kendati kenegaraan kental
kenyamanan kenyataan kenyataannya kepada kepadanya kepadatan kepala kepalanya kepastian kepatuhan kepatutan
kepedulian kepemilikan kepemimpinan kepentingan kepercayaan kepergian keperluan kepolisian keponakan
kepresidenan kepribadian keprihatinan kepuasan kepulauan keputusan keputusannya kerabat keraguan kerajaan
keramaian kerangka kerap keras kerasnya keren keresahan kereta keributan kericuhan kering keringanan keringat
kerja kerjaan kerjanya kerjasama kertas kerugian kerumunan kerusakan kerusuhan kesabaran kesadaran kesal
kesalahan kesalahpahaman kesamaan kesan kesatuan kesedihan keseharian kesehatan kesehatannya keseimbangan
kesejahteraan keselamatan keseluruhan kesembilan kesembuhan kesempatan kesenian kesenjangan kesepahaman
kesepakatan keseriusan keseruan kesetaraan kesiapan kesibukan kesimpulan kesuksesan kesulitan ketahanan
ketahuan ketahui ketakutan ketat ketegangan ketemu ketenangan ketentuan keterampilan keterangan keterangannya
keterbatasan keterbukaan ketergantungan keterlambatan keterlibatan ketersediaan ketertarikan ketertiban
ketertinggalan ketidakpastian ketiga ketiganya ketika ketimbang ketinggalan ketinggian ketua ketujuh keturunan
keuangan keunggulan keunikan keuntungan kewajiban kewalahan kewaspadaan kewenangan keyakinan kg khas khawatir
khidmat khusus khususnya kian kilang kilogram kilometer kimia kinerja kini kiper kiprah kira kiri kirim
kiriman kirinya kisah kisahnya kisaran kita klaim klarifikasi klasemen klasik klien kliennya klik klinik
klinis klip klub klubnya km koalisi kocak kode kok kokoh kolaborasi kolam kolega koleksi kolektif kolesterol
kolom kolonial komando kombinasi komedi komedian komentar komersial komik komisaris komisi komisioner komitmen
komitmennya komoditas kompak kompensasi kompetensi kompetisi kompetitif kompleks komplikasi komponen komposisi
komprehensif komputer komunikasi komunitas kondang kondisi kondisinya kondusif koneksi konektivitas konferensi
konfigurasi konfirmasi konflik konkret konsekuensi konsentrasi konsep konser konservasi konsesi konsisten
konsistensi konsolidasi konstitusi konstitusional konstruksi konsultan konsultasi konsumen konsumsi kontainer
kontak konteks konten kontra kontrak kontrakan kontraknya kontraktor kontras kontribusi kontrol kontroversi
kontroversial konvensional kooperatif koordinasi koordinat koordinator kopi korban korbannya koreksi koridor
korporasi korupsi koruptor kosmetik kosong kostum kota kotak kotor kotoran kreasi kreatif kreativitas kreator
kredit krim kriminal kripto krisis kriteria kritik kritikan kritis kronis kronologi kru krusial ku kualifikasi
kualitas kualitasnya kuartal kuasa kuat kubu kucing kuda kue kuliah kuliner kulit kulitnya kumparan kumpul
kunci kuning kunjung kunjungan kunjungannya kunjungi kuno kuota kurang kurangnya kurban kurikulum kurs kursi
kurun kurungan kurus laba label laboratorium ladang laga lagi lagu lagunya lah lahan lahir lahirnya lain
lainnya laju lajur laki laksanakan laku lakukan lalu lama laman lamanya lamaran lambang lambat lambung lampu
lancar landas landasan langganan langit langka langkah langkahnya langsung lanjut lanjutan lanjutnya lansia
lantai lantaran lantas lap lapangan lapar lapisan lapor laporan laporannya laporkan laptop larangan lari laris
larut latar latihan laut lautan lawan lawannya lawas layak layaknya layanan layar lebar lebaran lebih ledakan
lega legal legalitas legenda legendaris legislasi legislatif leher lelah lelaki lelang leluasa lemah lemak
lemari lemas lembaga lembar lembut lengan lengkap lengkapnya lensa lepas letak level lewat lewatkan lezat lho
liar liat libur liburan lidah liga lihat likuiditas lima limbah line lingkaran lingkungan lingkungannya
lingkup lini link lintas lintasan lipat lirik lisensi listrik liter literasi live lo loading lobi logam
logistik logo loh lokal lokasi lokasinya lolos lomba long longgar longsor lonjakan low luar luas luasnya
lubang lucu luka lulus lulusan lumayan lumpuh lunak lupa luput lurus lutut maaf mabuk macam macet madu
magnitudo mah mahal mahasiswa mahkota main mainan mainnya majalah majelis maju maka makam makan makanan
makanya make makeup makhluk makin makna makro maksimal maksimum maksud maksudnya mal malah malam malas malu
mama mampir mampu mana manajemen manajer manapun mancanegara mandat mandi mandiri manfaat manfaatkan
manfaatnya manis mantan mantap mantu manual manufaktur manusia manusiawi manuver marah marak maraknya mari
maritim markas market mas masa masak masakan masalah masalahnya masif masih masing masjid maskapai masker
massa massal masuk masukan masuknya masyarakat masyarakatnya mata matahari matang matanya match matchday
materi material mati mau maunya maupun maut maya mayat mayoritas me medali medan media mediasi medis medium
medsos meeting megah meja mekanisme melacak melahirkan melainkan melaju melakoni melaksanakan melakukan
melakukannya melalui melamar melambat melambung melampaui melancarkan melanda melanggar melangkah
melangsungkan melanjutkan melansir melantik melapor melaporkan melarang melarikan melatih melawan melayangkan
melayani melebar melebihi meledak melekat melemah melemahkan melempar melemparkan melengkapi melepas
melepaskan melesat melestarikan meletakkan melewati melewatkan melibatkan melihat melihatnya melimpah
melindungi melintas melintasi meliputi melirik meloloskan melompat melonjak melontarkan meluangkan meluas
melukai melulu melumpuhkan meluncur meluncurkan melupakan meluruskan memacu memadai memadamkan memadati
memadukan memahami memainkan memajukan memakai memakan memaksa memaksakan memaksimalkan memamerkan memanas
memancing memandang memanfaatkan memang memanggil memangkas memanjakan memantau memaparkan memasak memasang
memasarkan memastikan memasuki memasukkan mematikan mematuhi membaca membacakan membagi membagikan
membahagiakan membahas membahayakan membaik membakar membalas membalikkan membandingkan membanggakan
membangkitkan membangun membantah membantu membantunya membatalkan membatasi membawa membawakan membawanya
membayangkan membayar membebani membebaskan membeberkan membedakan membela membeli membelinya membenahi
membenarkan membentang membentuk membentur member memberantas memberatkan memberdayakan memberhentikan memberi
memberikan memberinya memberitahu memberitahukan memberlakukan membersihkan membesar membesarkan membiarkan
membiayai membicarakan membidik membina membintangi memblokir membobol membocorkan membongkar memboyong
membuahkan membuang membuat membuatku membuatmu membuatnya membubarkan membuka membuktikan membukukan membunuh
memburu memburuk membutuhkan memecah memecahkan memecat memegang memelihara memeluk memenangi memenangkan
memengaruhi memenuhi memerangi memerankan memeriahkan memeriksa memerintahkan memerlukan memesan memetakan
memetik memfasilitasi memicu memikat memikirkan memilih memiliki memimpin memindahkan meminimalisir
meminimalkan meminjam meminta memintanya meminum memisahkan memohon memonitor memori memotivasi memotong
mempelajari mempengaruhi memperbaiki memperbarui memperbesar memperburuk mempercantik mempercayai mempercepat
memperebutkan mempererat memperhatikan memperhitungkan memperingati memperingatkan memperjuangkan memperkaya
memperkecil memperkenalkan memperkirakan memperkuat memperlambat memperlihatkan memperluas mempermasalahkan
mempermudah memperoleh memperpanjang mempersembahkan mempersiapkan mempersilakan mempertahankan mempertanyakan
mempertegas mempertemukan mempertimbangkan memposting memprediksi memprihatinkan memprioritaskan memproduksi
mempromosikan memproses memprotes mempunyai memuaskan memuat memudahkan memuji memukau memukul memulai
memulihkan memuncaki memunculkan memungkinkan memutar memutus memutuskan men menabrak menagih menahan menaiki
menaikkan menakjubkan menaklukkan menakutkan menambah menambahkan menampik menampilkan menampung menanam
menanamkan menandai menandakan menandatangani menang menangani menanggapi menanggung menangis menangkap
menanjak menantang menanti menantikan menanyakan menargetkan menari menarik menariknya menaruh menata menatap
menaungi menawan menawarkan menayangkan mencabut mencakup mencalonkan mencantumkan mencapai mencari mencatat
mencatatkan mencegah menceritakan mencermati mencerminkan mencetak mencicipi mencintai menciptakan mencium
mencoba mencolok mencontohkan mencuat mencuci mencukupi mencuri mencurigakan mendadak mendaftar mendaftarkan
mendaki mendalam mendalami mendampingi mendapat mendapati mendapatkan mendapatkannya mendarat mendasar
mendatang mendatangi mendatangkan mendekam mendekat mendekati mendekatkan mendengar mendengarkan menderita
mendesak mendeteksi mendiang mendidik mendirikan mendistribusikan mendoakan mendominasi mendongkrak mendorong
menduduki menduga mendukung mendulang menegakkan menegangkan menegaskan menekan menekankan menelan menelepon
meneliti menelusuri menemani menembak menembakkan menembus menempati menempatkan menempel menempuh menemui
menemukan menenangkan menengah menentang menentukan menepis menerangkan menerapkan menerbitkan menerima
menerobos menertibkan menerus meneruskan menetap menetapkan menewaskan meng mengabadikan mengabaikan
mengabarkan mengabdi mengabulkan mengacu mengadakan mengadopsi mengadu mengajak mengajar mengajarkan
mengajukan mengakhiri mengakibatkan mengakomodasi mengakses mengaktifkan mengaku mengakui mengalahkan
mengalami mengalihkan mengalir mengalokasikan mengamankan mengamati mengambil menganalisis mengancam
mengandalkan mengandung menganggap mengangkat mengangkut mengantar mengantarkan mengantisipasi mengantongi
mengapa mengapresiasi mengarah mengarahkan mengarungi mengatakan mengatasi mengatasnamakan mengatur mengawal
mengawali mengawasi mengecam mengecek mengecewakan mengedepankan mengedukasi mengejar mengejutkan
mengeksplorasi mengekspresikan mengelilingi mengelola mengeluarkan mengeluh mengeluhkan mengemas mengembalikan
mengemban mengembangkan mengemudi mengemukakan mengenai mengenakan mengenal mengenali mengenalkan mengenang
mengendalikan mengendarai mengerahkan mengerikan mengerjakan mengerti mengesahkan mengesankan mengetahui
mengevakuasi mengevaluasi menggabungkan menggaet menggagalkan menggali menggambarkan menggandakan menggandeng
mengganggu mengganti menggantikan menggarap menggarisbawahi menggelar menggelontorkan menggemaskan menggendong
menggenjot menggerakkan menggeser menggoda menggugah menggugat menggunakan menggunakannya mengguncang
menghabisi menghabiskan menghadap menghadapi menghadiri menghadirkan menghalangi menghalau menghambat
menghampiri menghancurkan menghantam menghapus mengharapkan menghargai mengharuskan menghasilkan menghebohkan
menghemat menghembuskan menghentikan menghiasi menghibur menghidupkan menghilang menghilangkan menghimbau
menghina menghindari menghirup menghitung menghormati menghubungi menghubungkan menghuni mengidap
mengidentifikasi mengikat mengikuti mengimbangi mengimbau mengimplementasikan menginap mengincar
mengindikasikan menginformasikan mengingat mengingatkan menginginkan menginjak menginspirasi menginstruksikan
mengintegrasikan mengira mengirim mengirimkan mengiringi mengisahkan mengisi mengisyaratkan mengizinkan
mengkaji mengkhawatirkan mengklaim mengklarifikasi mengkonfirmasi mengkonsumsi mengkritik mengobati mengobrol
mengolah mengoleksi mengomentari mengonfirmasi mengonsumsi mengontrol mengoperasikan mengoptimalkan
mengorbankan menguasai menguat menguatkan mengubah mengucapkan menguji mengukur mengulang mengulangi
mengumpulkan mengumumkan mengunci mengundang mengunduh mengundurkan mengunggah mengunggahnya mengungguli
mengungkap mengungkapkan mengungsi mengunjungi menguntungkan mengupayakan mengurai mengurangi menguras
mengurus mengurusi mengusir mengusulkan mengusung mengusut mengutamakan mengutarakan mengutip menikah menikahi
menikmati menikmatinya menilai menimbulkan menimpa menindak menindaklanjuti meninggal meninggalkan
meninggalnya meningkat meningkatkan meningkatnya meninjau meniru menirukan menit menjabat menjadi menjadikan
menjadikannya menjadwalkan menjaga menjajaki menjajal menjalani menjalankan menjalin menjamin menjamu
menjangkau menjanjikan menjaring menjatuhkan menjauh menjawab menjebol menjelajahi menjelang menjelaskan
menjembatani menjemput menjenguk menjerat menjual menjuarai menjunjung menolak menolong menonjol menonjolkan
menonton menopang menorehkan mentah mental menteri menu menuai menuding menuduh menuju menular menulis
menuliskan menumbangkan menumbuhkan menumpuk menunaikan menunda menundukkan menunggak menunggu menunjang
menunjuk menunjukan menunjukkan menuntaskan menuntut menurun menurunkan menurunnya menurut menurutnya menutup
menutupi menuturkan menyabet menyadari menyajikan menyakiti menyakitkan menyaksikan menyala menyalahkan
menyalakan menyalip menyalurkan menyamakan menyambangi menyambut menyampaikan menyandang menyangka menyangkut
menyantap menyanyikan menyapa menyarankan menyasar menyatakan menyatu menyatukan menyayangkan menyebabkan
menyebar menyebarkan menyebut menyebutkan menyebutnya menyediakan menyedot menyegarkan menyegel menyeimbangkan
menyelamatkan menyelenggarakan menyelesaikan menyelidiki menyelimuti menyeluruh menyematkan menyembunyikan
menyempatkan menyempurnakan menyenangkan menyentuh menyepakati menyerah menyerahkan menyerang menyerap
menyeret menyertakan menyerukan menyerupai menyesal menyesalkan menyesuaikan menyetujui menyewa menyiapkan
menyikapi menyimpan menyimpulkan menyindir menyinggung menyingkirkan menyisakan menyita menyoroti menyuarakan
menyuguhkan menyukai menyulitkan menyumbang menyumbangkan menyuruh menyusul menyusun menyusut meragukan merah
meraih meramaikan merambah merampungkan merancang merangkul merangkum merasa merasakan merata meraup merawat
merayakan merdeka merealisasikan merebut mereda meredakan meredam merek mereka merekam merekomendasikan
merekrut merencanakan merepresentasikan meresahkan meresmikan merespon merespons merevisi meriah merilis
merinci meringankan merk merokok merosot merta merugikan merujuk merumuskan merupakan merusak mesin meski
meskipun mesra mesti mestinya meter metode mewah mewajibkan mewakili mewarnai mewaspadai mewujudkan meyakini
meyakinkan migas mikro mil milenial miliar miliaran milik miliki miliknya militer mimpi minat mineral minggu
mini minim minimal minimalis minimnya minimum minta minum minuman minus minyak miring mirip misal misalkan
misalnya misi miskin mistar misteri misterius mistis mitigasi mitra mm mobil mobile mobilitas mobilnya moda
modal mode model modern modifikasi modis modus mohon momen momentum moneter monitoring moral motif motivasi
motor motornya mual muatan muda mudah mudahan mudik muka mula mulai mulanya mulia multi mulus mulut mumpuni
muncul munculnya mundur mungil mungkin muntah murah murid murni museum musibah musik musim musisi muslim
muslimah mustahil musuh musyawarah mutlak mutu nada nafas nah nahas naik naiknya nama namanya nampak nampaknya
namun nan nangis nanti nantinya nanya napas narapidana narasi narasumber narkoba narkotika nasabah nasi nasib
nasihat nasional naskah natural naungan negara negaranya negatif negeri negosiasi nekat nelayan nenek neraca
net netizen netral netter ngapain nge ngerti nggak ngobrol ngomong niat niatnya nih nikah nikel nikmat nikmati
nilai nilainya no nol nominal nominasi nomor non nonton norma normal nota notifikasi novel nuansa nuklir
nusantara nutrisi nya nyaman nyanyi nyaris nyata nyatanya nyawa nyeri obat obatan objek objektif obligasi
obrolan obyek of off office official offline oil ojek ojol oke oknum oksigen olah olahan olahraga oleh olehnya
on one ongkos online open operasi operasional operator opini oposisi opsi optik optimal optimalisasi optimis
optimisme optimistis orang orangnya orangtua orangtuanya oranye order org organ organik organisasi ormas otak
otomatis otomotif otoritas otot out outfit over pabrik pabrikan pacar pacaran pacarnya pacu pada padahal padam
padanya padat padi pagar pagi paha paham pahit pahlawan pajak pak pakai pakaian pakar paket paksa paling palsu
pamer pameran pamit pamungkas panas pandai pandang pandangan pandangannya pandemi panduan panel panen pangan
panggil panggilan panggung pangkalan pangsa panik panitia panjang panjangnya pantai pantas pantauan papan
papar paparan paparnya para parah paripurna pariwisata parkir parlemen parpol partai partainya partikel
partisipasi partner paru paruh pas pasal pasalnya pasang pasangan pasangannya pasar pasaran pasca pasien pasir
pasok pasokan paspor pasrah pasti pastikan pastinya pasukan patah patroli patuh patung patut payah payung
pebalap pecah pecahan pecinta pedagang pedas pedesaan pedoman peduli pegawai pegiat pegunungan pejabat pejalan
pejuang pekan pekat pekerja pekerjaan pekerjaannya pelabuhan pelajar pelajaran pelajari pelaksana pelaksanaan
pelaksanaannya pelaku pelakunya pelan pelanggan pelanggar pelanggaran pelantikan pelantun pelapor pelaporan
pelarangan pelat pelatih pelatihan pelayanan pelayaran pelecehan pelemahan pelengkap pelepasan pelestarian
pelindung pelosok peluang peluncuran peluru pemadam pemadaman pemahaman pemain pemainnya pemakaian pemakaman
pemanasan pemandangan pemandu pemanfaatan pemanggilan pemangkasan pemangku pemantauan pemasangan pemasaran
pemasok pemasukan pembaca pembacaan pembagian pembahasan pembakaran pembalap pembangkit pembangunan pembantu
pembaruan pembatalan pembatas pembatasan pembawa pembayaran pembebasan pembelaan pembelajaran pembeli
pembelian pembenahan pembentukan pemberantasan pemberdayaan pemberhentian pemberi pemberian pemberitaan
pemberitahuan pemberlakuan pemberontak pembersihan pembiayaan pembicara pembicaraan pembinaan pembuangan
pembuat pembuatan pembuka pembukaan pembuktian pembunuh pembunuhan pemda pemecatan pemegang pemeliharaan
pemenang pemenuhan pemeran pemerataan pemeriksaan pemerintah pemerintahan pemerintahannya pemesanan pemicu
pemikiran pemilih pemilihan pemilik pemiliknya pemilu pemimpin pemindahan pemirsa pemohon pemotongan
pemotretan pemuda pemukiman pemula pemulihan pemuncak pemungutan pemusatan pemutusan penahanan penalti
penambahan penambangan penampakan penampil penampilan penampilannya penanaman penandatanganan penanganan
penanggulangan penangkapan penari penarikan penasaran penasihat penataan penawaran penayangan pencabutan
pencahayaan pencairan pencalonan pencapaian pencari pencarian pencegahan pencemaran pencernaan pencetak
pencinta pencipta penciptaan pencucian pencurian pendaftaran pendahulunya pendakian pendalaman pendamping
pendampingan pendanaan pendapat pendapatan pendapatnya pendataan pendatang pendek pendekatan penderita
pendidikan pendingin pendiri penduduk pendukung pendukungnya penegak penegakan peneliti penelitian penelusuran
penembakan penempatan penemuan penentu penentuan penerapan penerbangan penerbitan penerima penerimaan
penertiban penerus penetapan pengacara pengadaan pengadilan pengaduan pengajuan pengakuan pengalaman
pengalamannya pengalihan pengaman pengamanan pengamat pengamatan pengambilan pengangguran pengangkatan
pengangkut penganiayaan pengantin pengaruh pengaturan pengawalan pengawas pengawasan pengecekan pengecualian
pengejaran pengelola pengelolaan pengeluaran pengembalian pengembang pengembangan pengemudi pengen pengenalan
pengendalian pengendara pengereman pengerjaan pengertian pengesahan pengetahuan pengganti penggantian penggawa
penggeledahan penggemar penggemarnya penggerak pengguna penggunaan penggunaannya penggunanya penghapusan
penghargaan penghasil penghasilan penghentian penghinaan penghitungan penghormatan penghubung penghuni
pengikut pengin penginapan pengingat pengiriman pengisi pengisian penglihatan pengobatan pengolahan
pengoperasian pengorbanan penguasa penguasaan penguatan pengujian pengukuran pengumuman pengunduran
pengungkapan pengungsi pengunjuk pengunjung pengurangan pengurus pengurusan pengusaha penikmat penilaian
penindakan peninggalan peningkatan peninjauan penipuan penjaga penjara penjelasan penjelasannya penjual
penjualan penjuru penolakan penonton pensiun pentas penting pentingnya penuaan penugasan penuh penulis
penumpang penumpukan penundaan penunjang penunjukan penuntut penuntutan penurunan penutup penutupan penyadapan
penyakit penyalahgunaan penyaluran penyampaian penyandang penyanyi penyebab penyebabnya penyebaran penyedia
penyediaan penyelamatan penyelenggara penyelenggaraan penyelesaian penyelidik penyelidikan penyerahan
penyerang penyerangan penyerapan penyesuaian penyidik penyidikan penyimpanan penyisihan penyitaan penyumbang
penyusunan per peradaban peradangan peradilan perahu peraih perairan perak peralatan peran peranan perang
perangkat perannya perasaan perasaannya peraturan perawatan perayaan perbaikan perbaiki perbandingan perbankan
perbatasan perbedaan perbelanjaan perbincangan perbuatan perbuatannya percakapan percaya percepatan perceraian
percobaan perdagangan perdamaian perdana perdananya perdebatan perebutan peredaran perekonomian perempat
perempuan perencanaan peresmian perfilman performa performanya pergantian pergelangan pergerakan pergeseran
pergi perguruan perhatian perhatikan perhelatan perhiasan perhitungan perihal perikanan periksa perilaku
perilisan peringatan peringkat perintah periode peristiwa perizinan perjalanan perjalanannya perjanjian
perjuangan perkantoran perkara perkataan perkebunan perkembangan perkembangannya perkiraan perkotaan perlahan
perlakuan perlambatan perlawanan perlengkapan perlindungan perlombaan perlu perluasan perlunya permainan
permanen permasalahan permintaan permohonan permukaan permukiman pernah pernapasan pernikahan pernikahannya
pernyataan pernyataannya perolehan perorangan perpaduan perpajakan perpanjangan perpisahan pers persahabatan
persaingan persatuan persegi perselisihan persen persentase persepsi perseroan persetujuan persiapan
persidangan persis persnya persoalan personal personel personil perspektif persyaratan pertahanan pertama
pertamanya pertambangan pertanda pertandingan pertanggungjawaban pertanian pertanyaan pertarungan pertempuran
pertemuan pertemuannya pertengahan pertengkaran pertimbangan pertolongan pertukaran pertumbuhan pertunjukan
perubahan perumahan perundang perundingan perunggu perusahaan perusahaannya perusakan perut perwakilan perwira
pesaing pesan pesanan pesantren pesat pesawat pesepakbola peserta pesisir pesona pesta peta petang petani
petarung peternakan petinggi petualangan petugas petunjuk piala pidana pidato pidatonya pihak pihaknya pikir
pikiran pikirkan pilar pilih pilihan pilihannya pilkada pilot pilpres pimpinan pindah pinggang pinggir
pinggiran pingsan pinjaman pink pintar pintu pipi pisang pisau planet plastik platform plus podium pohon poin
point pojok pokok pokoknya pola polemik polisi politik politiknya politikus politisi polos polusi pondasi
pondok ponsel ponselnya pop popularitas populasi populer pori porsi portal portofolio pos pose posisi
posisinya positif posko post poster posting postingan postingannya postur potensi potensial potong potongan
potret power pra prajurit praktik praktis prasarana pre predikat prediksi premium presenter presiden prestasi
pria pribadi pribadinya prihatin prima prinsip prinsipnya prioritas privasi privat pro proaktif problem produk
produknya produksi produksinya produktif produktivitas produsen produser profesi profesional profesionalisme
profesor profil program progres progresif promo promosi promotor proper properti proporsional proposal
prosedur proses prosesi prosesnya prosesor prospek protein protes protokol provinsi provokasi proyek proyeksi
psikolog psikologi psikologis puas puasa public publik puji pujian pukul pukulan pula pulang pulau pulih puluh
puluhan pun puncak puncaknya punggung pungkas pungkasnya pungutan punya pupuk pura pusat push pusing puskesmas
putaran putih putra putranya putri putrinya putus putusan race racun radikal radio radius ragam ragu rahasia
raih raihan raja rajin raksasa rakyat ramah ramai ramalan rambu rambut rambutnya ramping rampung ranah
rancangan rangka rangkaian rangkum ranking rantai rapat rapi ras rasa rasakan rasanya rasio rasional rasisme
rata rate rating ratusan rawan rawat raya reaksi real realisasi realistis realitas reality red redaksi
referensi refleksi reformasi regional registrasi regulasi regulator reguler rehabilitasi rekam rekaman rekan
rekannya rekayasa rekening rekomendasi rekor rekrutmen rel rela relaksasi relasi relatif relawan relevan rem
remaja rempah renang rencana rencananya rendah rendahnya renovasi rentan rentang repot reputasi resep resepsi
resesi resiko resmi resminya resolusi respon responden respons responsif restoran restu retail review revisi
revitalisasi revolusi rezim riasan ribet ribu ribuan ribut ricuh rider rileks rilis rinci rincian rindu ringan
riset risiko ritel ritme ritual rival riwayat road robot rock roda rok rokok romantis rombongan ronde rotasi
roti royong ruang ruangan ruas rudal ruf rugi rujukan rumah rumahnya rumit rumor rumput runner rupa rupanya
rupiah rusak rusuh rute rutin rutinitas saat saatnya sabar sabu sabuk sabun sadar sadarkan sah sahabat
sahabatnya saham sahut saing sains saja sajian sakit sakral saksi salah salahnya salam salat saldo saling
saluran sama sambil sambung sambungan sambungnya sambutan sambutannya sampah sampai sampaikan sampel samping
sampingnya sana sang sangat sangatlah sanggup sangka sanksi santai santer santri sapaan sapi saraf saran
sarana sarapan sarat sarjana sarung sasaran satelit satu satuan satunya satwa saudara saudaranya saus sawah
sawit saya sayang sayangnya sayap sayur sayuran se seakan season sebab sebabnya sebagai sebagaimana sebagainya
sebagian sebaik sebaiknya sebaliknya sebanyak sebaran sebatas sebelah sebelum sebelumnya sebenarnya sebentar
seberapa seberat sebesar sebetulnya sebuah sebulan sebut sebutan sebutnya secara secepat secepatnya sedang
sedangkan sedap sedemikian sederet sederhana sedih sedikit sedikitnya seekor segala segalanya segan segar
segelintir segenap segera segi segmen segudang seharga sehari seharian seharusnya sehat sehingga seimbang
seiring sejahtera sejak sejalan sejarah sejati sejatinya sejauh sejenak sejenis sejuk sejumlah sekadar sekali
sekalian sekaligus sekalipun sekarang sekedar sekelas sekelompok seketika sekian sekilas sekira sekitar
sekitarnya sekolah sekolahnya seks seksi seksual sektor sel sela selain selaku selalu selama selamanya selamat
selang selanjutnya selaras selatan selebritas selebriti selebritis seleksi selektif selengkapnya selepas
selera selesai selesaikan selfie selisih seluas seluler seluruh seluruhnya semacam semakin semaksimal semalam
semangat semasa semata sembako sembarangan sembari sembilan sembuh semenjak sementara semester semestinya semi
semifinal seminar seminggu semoga sempat sempit sempurna semua semuanya semula senada senang senantiasa
sendiri sendirian sendirinya sengaja sengit sengketa seni senilai seniman senior senjata sensasi sensitif
sensor sentimen sentral sentuhan senyawa senyum seolah seorang sepak sepakan sepakat sepakbola sepanjang
separuh sepasang sepatu sepeda sepekan sepele sepenuhnya seperti sepertinya sepi sepihak sepuluh seputar
seragam serahkan serang serangan serangkaian serasi serat seraya serba serentak seri serial seribu series
sering seringkali serius serta sertifikasi sertifikat seru seruan serupa service sesaat sesak sesama sesekali
seseorang sesi sesuai sesuatu sesudah sesungguhnya set setahun setara setelah setelahnya setelan setempat
setengah seterusnya setia setiap setidaknya setimnya setinggi setuju seumur seusai sewa sewaktu show si sia
siaga siang siap siapa siapapun siapkan siaran siber sibuk sidang sifat sifatnya signifikan sih sikap sikapnya
siklus silahkan silakan silam silang silaturahmi silinder simak simbol simpan simpang simpel simulasi sinar
sindir sindiran sinergi sinetron singkat single sini sinilah sinyal sipil sirkuit sirkulasi sisa sisanya sisi
sistem sistematis siswa siswi situ situasi situasinya situlah situs skala skandal skema skenario skill
skincare skor skuad skuat slot smart smartphone soal soalnya soft solid solidaritas solo solusi solusinya
sontak sopan sopir sore sorotan sosial sosialisasi sosialnya sosok spanduk spektakuler spekulasi spesial
spesialis spesies spesifik spesifikasi spiritual sponsor spontan sport sporty spot stabil stabilitas stadion
staf stagnan stakeholder stand standar start starter startup stasiun statement statistik status statusnya
stimulus stok stop story strategi strategis streaming stres striker stroke struktur struktural studi studio
stylish suami suaminya suap suara suaranya suasana suatu sub subsider subsidi substansi subuh subur suci sudah
sudut suhu suka sukarela sukses suku sulit sulitnya sulung sumbangan sumber sumpah sumur sundulan sungai
sungguh supaya super suplai suporter support surat surga surplus surut survei surya susah suspensi susu
susunan sutradara swasta syarat syariah syok system syukur syuting taat tablet tabrakan tabung tabungan tadi
tadinya tagar tagihan tahan tahanan tahap tahapan tahu tahun tahunan tahunnya tajam tak takluk taksi taktik
takut talenta tali taman tambah tambahan tambahnya tambang tampak tampaknya tampan tampil tampilan tamu
tamunya tanah tanahnya tanam tanaman tanda tandang tandas tandasnya tangan tangannya tangga tanggal tangganya
tanggapan tangguh tanggung tangkap tangkapan tangki tangkis tanpa tantangan tanya tapi target targetnya tari
tarian tarif tarik tas tata tau tautan tawa tawar tawaran tayang tayangan teaser tebal tega tegas tegaskan
tegasnya teguran teh tekad tekanan teknik teknis teknologi teks tekstil tekstur teladan telah telak
telekomunikasi telepon televisi telinga telur tema teman temannya tembak tembakan tembakau tembok tembus temen
tempat tempatnya tempo tempuh tempur temu temuan temukan tenaga tenang tenda tendangan tengah tenggara
tenggelam tenis tensi tentang tentara tentu tentunya teori tepat tepatnya tepi tepuk tepung terakhir
terakhirnya terancam terang terangan terangnya teranyar terapi terapkan terasa teratas teratur terbagi terbaik
terbaiknya terbakar terbalik terbang terbangun terbanyak terbaru terbarukan terbarunya terbatas terbawa
terbebas terbentuk terbesar terbiasa terbilang terbit terbuat terbuka terbukti terburu terburuk tercantum
tercapai tercatat tercepat tercermin tercinta tercipta terdaftar terdakwa terdampak terdapat terdekat
terdengar terdepan terdeteksi terdiri terduga terealisasi terekam terendah tergabung terganggu tergantung
tergolong terguling terhadap terhambat terharu terhenti terhindar terhitung terhormat terhubung teriak
teriakan terikat terima teringat terinspirasi terintegrasi terjadi terjadinya terjaga terjalin terjamin
terjangkau terjatuh terjebak terjerat terjual terjun terkadang terkait terkalahkan terkecuali terkejut
terkemuka terkena terkenal terkendala terkendali terkesan terkini terkuat terlahir terlaksana terlalu
terlambat terlapor terlarang terlaris terlebih terlepas terletak terlibat terlihat terluka terlupakan termahal
termasuk terminal termuda ternak ternama ternyata terobosan teror teroris terorisme terpadu terpaksa terpantau
terpapar terparkir terpasang terpaut terpencil terpengaruh terpenting terpenuhi terpercaya terpidana terpilih
terpilihnya terpisah terpopuler terpuruk terputus tersaji tersangka tersebar tersebut tersedia tersembunyi
tersendiri tersentuh tersenyum terseret tersimpan tersingkir tersisa tertahan tertanggal tertangkap tertarik
tertawa tertekan tertentu tertera tertib tertidur tertinggal tertinggi tertua tertuang tertuju tertulis
tertulisnya tertunda tertutup terukur terulang terungkap terus terutama terwujud tes test tetangga tetangganya
tetap tetapi tewas the tiada tiang tiap tiba tidak tidaklah tidaknya tidur tiga tiket tikungan tilang tim
timbul time timnas timnya timpal timur tindak tindakan tinggal tinggi tingginya tingkah tingkat tipe tipis
tips titik to toilet toko tokoh tol tolak toleransi tolong tombol ton tonggak tontonan top topi topik torehan
torsi total track tradisi tradisional tragedi tragis trailer transaksi transfer transformasi transisi
transmisi transparan transparansi transportasi trauma travel trek tren trending trik triliun trofi tropis
trotoar truk tsunami tua tuan tuanya tubuh tubuhnya tudingan tuduhan tugas tugasnya tuh tujuan tujuannya tujuh
tukang tukar tukasnya tulang tulis tulisan tulisnya tulus tumbang tumbuh tumbuhan tumpukan tunai tunda tunduk
tunggakan tunggal tunggu tunjukkan tuntas tuntutan tur turis turnamen turun turunan turunnya turut tutup
tutupnya tutur tuturnya twitter uang uangnya ubah ucap ucapan ucapkan ucapnya udah udara ujar ujaran ujarnya
uji ujian ujung ujungnya ukur ukuran ukurannya ulah ulama ulang ulasan ultra umat umpan umrah umum umumnya
umur undang undangan unggah unggahan unggahannya unggul unggulan ungkap ungkapan ungkapnya ungu unik unit
universitas unjuk unsur untuk untuknya untung up upacara upah upaya update urban urgensi urusan urut urutan
usah usaha usahanya usai usia usianya usul usulan usus utama utamanya utang utara utuh vaksin vaksinasi value
van varian variasi venue verifikasi versi vertikal via video videonya viral virtual virus visa visi visual
vital vitamin vlog vokal vokalis voli volume vonis voting vs vulkanik wa wacana wadah wafat wafatnya wahana
wajah wajahnya wajar wajib wakil waktu waktunya walau walaupun wali wanita warga warganet warganya warisan
warna warnanya warni wartawan warung wasit waspada water wawancara wawasan wayang web website wewenang wilayah
wilayahnya wisata wisatawan with wujud www ya yah yaitu yakin yakni yang yatim year yg you yoy yuk zaman zat
zodiak zona
"""
COMMON_WORDS: Final = frozenset(_COMMON_WORDS.split())

_CAMEL_CASE_NAMES: Final = """
YouTube YouTuber YouTubenya YouGov KapanLagi BolaSport BolaSkor AirAsia AirNav AirVisual AirPods AirPod AirCab
MediaTek MediaWave OnePlus SoftBank CarPlay MotorLand LinkAja LiveScore SmartXonnect MasakApaYa MulaiAjaDulu
PowerShare PowerPoint FreeSync FreeBuds FreeGo DisplayPort BumiLangit PeduliLindungi SatuSehat DroneEmprit
KlikDokter JetStar JetBlue jetBlue RedStone RedDoorz RoadSync PetaPixel FullView AntiNgaret SmartPlay ProPilot
ProKlim ProDem OfficeTeam EliteDaily DualShock TechCrunch TripAdvisor SamMobile GizChina LaLiga WhatsApp
TikTok McDonald PlayStation LinkedIn JavaScript eSports iPhone iPad iOS iNews MacBook FaceTime WeChat LeBron
DiCaprio McLaren GoPay GoFood GoRide GoCar GoSend BukaLapak HarmonyOS PayPal DeepMind SpaceX SmackDown OpenAI
ChatGPT kumparanNEWS kumparanBISNIS kumparanSPORT kumparanTECH detikcom liputan6 CoinMarketCap CoinDesk
"""
CAMEL_CASE_NAMES: Final = frozenset(_CAMEL_CASE_NAMES.split())

CAMEL_CASE_PREFIXES: Final = (
    "detik", "Detik", "kumparan", "Kompas", "Tribun", "Liputan", "LayarDrama", "Kapan", "Bola"
)

GLUE_ENDINGS: Final = (
    "tetapi", "namun", "karena", "bahwa", "untuk", "dengan", "sehingga", "yang", "dari", "dalam", "pada"
)
#: Words after which a glued capitalised common word is still split (`diPiala`, `kataPresiden`): prepositions
#: and attribution words that stand before a name or a place, never part of a brand.
GLUE_PREPOSITIONS: Final = frozenset(
    {"di", "ke", "dari", "dan", "dengan", "untuk", "pada", "oleh", "dalam", "atau", "bagi", "menurut", "kata",
     "ujar", "tutur", "yang", "sang", "para"}
)
#: Titles and offices that stand before a name: a capitalised word glued to a name is split only after one of
#: them (`PresidenPrabowo`, `GubernurAnies`).
TITLE_WORDS: Final = frozenset(
    {"presiden", "wakil", "menteri", "gubernur", "bupati", "walikota", "wali", "ketua", "kapolri", "kapolda",
     "kapolres", "kapolsek", "direktur", "pelatih", "kepala", "sekretaris", "jenderal", "komisaris", "hakim",
     "jaksa", "senator", "perdana", "raja", "ratu", "pangeran", "panglima", "kapten", "artis", "aktor",
     "aktris", "penyanyi", "presenter", "musisi", "pengacara", "advokat", "politikus", "pemain", "striker",
     "kiper", "gelandang", "bek", "legenda", "bos", "pendiri", "juru", "bicara", "anggota", "camat", "lurah"}
)
GLUE_ENDINGS_NEEDING_WORD: Final = frozenset({"yang", "dari", "dalam", "pada", "dengan"})
