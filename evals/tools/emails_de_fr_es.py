"""Labelled evaluation emails for the sample knowledge base: German, French and Spanish.

Written for evaluation (not taken from the seed inbox). Key facts are numbers, names and
URLs that appear in the articles, so a quoted or a translated reply can contain them.
"""

from __future__ import annotations

from evals.tools import sample_sources as k
from evals.tools.types import Entry, a, n, r

DE: list[Entry] = [
    a(
        "delivery",
        "Lieferzeit nach München",
        """Guten Tag,

ich möchte ein E-Bike nach München bestellen. Wie lange dauert die Lieferung nach Deutschland?

Viele Grüße
Thomas Müller""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "Versandkosten",
        """Hallo,

was kosten die Versandkosten bei einer Bestellung von Bremsbelägen für etwa 600 SEK? Ab welchem
Betrag ist der Versand kostenlos?

Danke und Gruß
Sabine Koch""",
        k.DELIVERY_COST,
        [k.F_299, k.F_FREE_LIMIT],
    ),
    a(
        "order_change",
        "Lieferadresse ändern - Bestellung NB-204655",
        """Sehr geehrte Damen und Herren,

ich habe bei meiner Bestellung NB-204655 eine falsche Hausnummer angegeben. Kann ich die
Lieferadresse noch ändern? Die Bestellung ist meines Wissens noch nicht versandt.

Mit freundlichen Grüßen
Jürgen Weber""",
        k.ADDRESS,
        [k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "Rückgabe Fahrradtaschen",
        """Hallo,

ich habe vor zwei Wochen zwei Fahrradtaschen gekauft, die ich nicht brauche. Sie sind noch
originalverpackt. Bis wann kann ich sie zurücksenden?

Beste Grüße
Anja Schulz""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "returns_refunds",
        "Wann kommt meine Erstattung?",
        """Guten Tag,

meine Rücksendung ist laut Sendungsverfolgung seit Montag bei Ihnen im Lager. Wann bekomme ich
mein Geld zurück?

> Am 02.11. schrieb Nordvik Kundenservice:
> Vielen Dank, wir haben Ihre Rücksendung registriert.

Gruß
Martin Wagner""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "warranty",
        "Garantie auf den Akku",
        """Hallo Nordvik-Team,

wie lange gilt die Garantie auf den Akku? Mein Akku ist 15 Monate alt und hält kaum noch eine
Ladung. Ladezyklen waren es vielleicht 200.

Viele Grüße
Klaus Becker""",
        k.WARRANTY,
        [k.F_500],
    ),
    a(
        "warranty",
        "Garantiefall Motor",
        """Sehr geehrte Damen und Herren,

der Motor meines E-Bikes macht seit einer Woche ein lautes Geräusch. Das Rad ist 14 Monate alt
(Bestellnummer NB-186677). Was benötigen Sie für einen Garantiefall?

Mit freundlichen Grüßen
Petra Hoffmann""",
        k.CLAIM,
        [k.F_PHOTOS],
    ),
    a(
        "damaged_item",
        "Transportschaden",
        """Hallo,

das Fahrrad kam heute mit einem verbogenen Schutzblech an, der Karton war eingedrückt. Was
muss ich tun? Fotos habe ich gemacht.

Grüße
Lukas Fischer
Bestellung NB-204801""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "service_booking",
        "Erster Service kostenlos?",
        """Hallo,

ist die erste Inspektion kostenlos? Mein Rad ist jetzt fünf Monate alt. Und wo kann ich einen
Termin buchen?

Danke!
Julia Braun""",
        k.SERVICE,
        [k.F_SIX_MONTHS],
    ),
    a(
        "app_account",
        "Kein Login-Code in der App",
        """Hallo,

ich bekomme beim Anmelden in der Nordvik App keinen Code per E-Mail. Was kann ich tun?

Gruß
Stefan Richter""",
        k.APP_LOGIN,
        [[*k.F_REINSTALL, "neu", "support"]],
    ),
    a(
        "billing_invoice",
        "Rechnung herunterladen",
        """Guten Tag,

wo finde ich die Rechnung zu meiner Bestellung? Ich brauche sie für meinen Arbeitgeber.

Freundliche Grüße
Monika Schmitt""",
        k.INVOICE,
        [k.F_PDF],
    ),
    a(
        "subscription",
        "Nordvik Flex kündigen",
        """Hallo,

ich möchte mein Nordvik Flex Abo kündigen. Welche Kündigungsfrist gilt?

Viele Grüße
Tobias Neumann""",
        k.FLEX_CANCEL,
        [k.F_ONE_MONTH],
    ),
    a(
        "spare_parts",
        "Ersatzakku kaufen",
        """Hallo,

wo kann ich einen zweiten Akku für mein E-Bike kaufen?

Danke
Florian Schwarz""",
        k.PARTS,
        [k.F_SHOP_URL],
    ),
    a(
        "theft_insurance",
        "E-Bike gestohlen",
        """Guten Tag,

mein E-Bike wurde gestern vor dem Bahnhof gestohlen. Ich habe beim Kauf die
Diebstahlversicherung abgeschlossen. Wie gehe ich vor?

Mit freundlichen Grüßen
Andrea Zimmermann
Bestellnummer NB-179900""",
        k.THEFT,
        [k.F_POLICE, k.F_TRYGGHET],
    ),
    n(
        "other",
        "Maximale Zuladung",
        """Hallo,

wie viel Gewicht darf ich auf dem Gepäckträger transportieren? Ich möchte Getränkekisten
mitnehmen.

Gruß
Dieter""",
    ),
    n(
        "other",
        "Tretunterstützung über 25 km/h",
        """Hallo,

kann man die Motorunterstützung über 25 km/h hinaus freischalten? Ich fahre viel auf dem Land.

Grüße
Kevin""",
    ),
    n(
        "billing_invoice",
        "Ratenzahlung über 24 Monate",
        """Guten Tag,

bieten Sie eine Finanzierung über 24 Monate an?

Mit freundlichen Grüßen
Helga Krüger""",
    ),
    r(
        "legal",
        "returns_refunds",
        "Letzte Aufforderung vor rechtlichen Schritten",
        """Sehr geehrte Damen und Herren,

trotz mehrerer Schreiben haben Sie den Kaufpreis für das zurückgegebene Rad nicht erstattet.
Ich setze Ihnen eine Frist bis zum 10.12. Danach beauftrage ich meinen Anwalt.

Hochachtungsvoll
Dr. Werner Lange""",
    ),
    r(
        "safety",
        "warranty",
        "Gabel gebrochen - Sturz",
        """Hallo,

bei meinem Rad ist während der Fahrt die Gabel gebrochen. Ich bin gestürzt und habe mir die
Schulter verletzt. Ich erwarte eine Stellungnahme.

Frank Vogel
0171 2345678""",
    ),
    r(
        "press",
        "other",
        "Presseanfrage",
        """Guten Tag,

ich schreibe für das Magazin "Radwelt" einen Artikel über skandinavische E-Bike-Hersteller.
Wäre jemand aus Ihrem Team zu einem kurzen Interview bereit?

Beste Grüße
Carina Roth, Redaktion Radwelt""",
    ),
]

FR: list[Entry] = [
    a(
        "delivery",
        "Délai de livraison pour la Belgique",
        """Bonjour,

Combien de temps faut-il pour une livraison à Bruxelles ? Je voudrais offrir le vélo pour
Noël.

Merci d'avance,
Claire Dubois""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "Frais de port",
        """Bonjour,

Quels sont les frais de livraison pour une commande d'accessoires d'environ 1 000 SEK ? À
partir de quel montant la livraison est-elle gratuite ?

Cordialement,
Julien Moreau""",
        k.DELIVERY_COST,
        [k.F_299, k.F_FREE_LIMIT],
    ),
    a(
        "delivery",
        "Lien de suivi",
        """Bonjour,

Ma commande NB-204390 a été expédiée mais je n'ai pas reçu de lien de suivi. Où puis-je le
trouver ?

Bien à vous,
Nathalie Lefèvre""",
        k.TRACKING,
        [k.F_MY_ORDERS],
    ),
    a(
        "order_change",
        "Changer l'adresse de livraison",
        """Bonjour,

Je me suis trompé d'adresse sur la commande NB-204711, elle n'est pas encore partie. Est-il
possible de la modifier ?

Merci,
Antoine Girard""",
        k.ADDRESS,
        [k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "Retour d'un casque",
        """Bonjour,

J'ai reçu un casque il y a dix jours, il ne me convient pas. Combien de temps ai-je pour le
retourner, et où trouver l'étiquette de retour ?

Cordialement,
Sophie Bernard""",
        k.RETURN_PERIOD + k.RETURN_HOW,
        [k.F_30, k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "Remboursement",
        """Bonjour,

Votre entrepôt a reçu mon retour la semaine dernière. Sous combien de temps serai-je remboursé ?

Merci,
Luc Petit

Le mer. 5 nov. 2026 à 10:03, Nordvik Support <support@nordvikbikes.example> a écrit :
> Bonjour,
> Nous avons bien reçu votre demande de retour pour la commande NB-203777.
> Cordialement, le service client""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "warranty",
        "Garantie du cadre",
        """Bonjour,

Quelle est la durée de garantie du cadre et du moteur ?

Cordialement,
Marc Fontaine""",
        k.WARRANTY,
        [k.F_2_YEARS],
    ),
    a(
        "warranty",
        "Batterie défectueuse",
        """Bonjour,

Ma batterie ne se charge plus du tout, le vélo a onze mois (commande NB-191234). Comment faire
une demande de garantie ?

Bien cordialement,
Isabelle Roux""",
        k.CLAIM,
        [k.F_PHOTOS],
    ),
    a(
        "damaged_item",
        "Vélo arrivé abîmé",
        """Bonjour,

Le vélo est arrivé hier avec la béquille cassée et le carton déchiré. Que dois-je faire ?

Merci d'avance,
Hugo Lambert
Commande NB-204833""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "service_booking",
        "Ateliers",
        """Bonjour,

Dans quelles villes se trouvent vos ateliers, et comment réserver une révision ?

Merci,
Camille Mercier""",
        k.SERVICE,
        [k.F_GOTHENBURG, k.F_STOCKHOLM, k.F_MALMO],
    ),
    a(
        "app_account",
        "Connecter le vélo à l'application",
        """Bonjour,

Comment appairer mon vélo avec l'application Nordvik ?

Merci,
Thomas Garnier""",
        k.APP_PAIRING,
        [k.F_BLUETOOTH],
    ),
    a(
        "subscription",
        "Prix de Nordvik Flex",
        """Bonjour,

Combien coûte l'abonnement Nordvik Flex par mois ?

Cordialement,
Élodie Faure""",
        k.FLEX,
        [k.F_499],
    ),
    a(
        "theft_insurance",
        "Vélo volé",
        """Bonjour,

On m'a volé mon vélo devant chez moi cette nuit. J'ai pris l'assurance vol. Que dois-je faire ?

Cordialement,
Pierre Chevalier""",
        k.THEFT,
        [k.F_TRYGGHET],
    ),
    n(
        "other",
        "Siège enfant",
        """Bonjour,

Peut-on installer un siège enfant à l'avant sur vos vélos ?

Merci,
Aurélie""",
    ),
    n(
        "other",
        "Cartes cadeaux",
        """Bonjour,

Vendez-vous des cartes cadeaux ? J'aimerais en offrir une à mon frère.

Bonne journée,
Mathilde""",
    ),
    n(
        "other",
        "Lavage au Kärcher",
        """Bonjour,

Est-ce que je peux laver le vélo au nettoyeur haute pression ?

Merci,
Bruno""",
    ),
    r(
        "partnership",
        "other",
        "Devenir revendeur en France",
        """Bonjour,

Nous avons trois magasins de cycles à Lyon et souhaiterions distribuer vos vélos. Qui est la
bonne personne pour discuter d'un partenariat de revente ?

Cordialement,
Vincent Morel, Cycles du Rhône""",
    ),
    r(
        "manager",
        "other",
        "Je veux parler à un responsable",
        """Bonjour,

Cela fait trois semaines que j'attends une réponse sur ma commande NB-198800. Je souhaite
parler à un responsable, pas à un robot.

Jean-Paul Renaud""",
    ),
]

ES: list[Entry] = [
    a(
        "delivery",
        "Plazo de entrega a España",
        """Hola:

¿Cuánto tarda la entrega de una bicicleta a Valencia?

Gracias,
Carlos García""",
        k.DELIVERY_TIME,
        [k.F_EU_DAYS],
    ),
    a(
        "delivery",
        "¿Envío gratis?",
        """Hola,

¿El envío es gratuito si compro una bicicleta de 19 000 SEK? Si no, ¿cuánto cuesta?

Un saludo,
Lucía Martínez""",
        k.DELIVERY_COST,
        [k.F_FREE_LIMIT],
    ),
    a(
        "order_change",
        "Cambiar dirección",
        """Buenos días:

¿Puedo cambiar la dirección de entrega de mi pedido NB-204590? Todavía no ha salido del
almacén.

Saludos cordiales,
Javier López""",
        k.ADDRESS,
        [k.F_MY_ORDERS],
    ),
    a(
        "returns_refunds",
        "Devolución",
        """Hola,

Compré unas alforjas hace dos semanas y no las he usado. ¿Cuántos días tengo para devolverlas?

Gracias,
Marta Sánchez""",
        k.RETURN_PERIOD,
        [k.F_30],
    ),
    a(
        "returns_refunds",
        "Reembolso pendiente",
        """Hola:

Mi devolución llegó a su almacén hace cuatro días. ¿Cuándo recibiré el reembolso?

Un saludo,
Pablo Fernández
Pedido NB-202020

El lun, 3 nov 2026 a las 14:20, Nordvik Soporte (<support@nordvikbikes.example>) escribió:
> Hola Pablo:
> Hemos registrado su devolución. Imprima la etiqueta en "My orders".
> Saludos cordiales""",
        k.REFUND,
        [k.F_10_DAYS],
    ),
    a(
        "warranty",
        "Garantía del motor",
        """Hola,

¿Cuántos años de garantía tiene el motor? Y la batería, ¿cuántos ciclos de carga cubre?

Saludos,
Andrés Romero""",
        k.WARRANTY,
        [k.F_2_YEARS, k.F_500],
    ),
    a(
        "warranty",
        "Reclamación de garantía",
        """Buenas tardes:

El cambio eléctrico de mi bicicleta ha dejado de funcionar; la compré hace ocho meses (pedido
NB-193456). ¿Qué necesitan para tramitar la garantía?

Atentamente,
Elena Navarro""",
        k.CLAIM,
        [k.F_PHOTOS],
    ),
    a(
        "damaged_item",
        "Bicicleta dañada en el envío",
        """Hola,

La bicicleta llegó ayer con la rueda delantera doblada. ¿Qué tengo que hacer?

Gracias,
Sergio Molina
Pedido NB-204866""",
        k.DAMAGED,
        [k.F_48],
    ),
    a(
        "app_account",
        "No puedo entrar en la aplicación",
        """Hola,

La aplicación Nordvik me pide una contraseña y no recuerdo haber creado ninguna. ¿Cómo se
inicia sesión?

Gracias,
Raquel Ortega""",
        k.APP_LOGIN,
        [k.F_CODE],
    ),
    a(
        "billing_invoice",
        "Factura con IVA para empresa",
        """Buenos días:

Somos una empresa y necesitamos una factura con nuestro número de IVA para el pedido
NB-201555. ¿Cómo la solicitamos?

Saludos cordiales,
Miguel Torres
Torres Arquitectura S.L.""",
        k.VAT,
        [k.F_SUPPORT_ADDRESS],
    ),
    a(
        "billing_invoice",
        "Plazo de pago Klarna",
        """Hola,

Pagué con factura de Klarna. ¿Cuántos días tengo para pagar?

Gracias,
Laura Gil""",
        k.KLARNA,
        [k.F_30],
    ),
    a(
        "spare_parts",
        "Pastillas de freno",
        """Hola,

¿Dónde puedo comprar pastillas de freno y neumáticos para mi bicicleta?

Un saludo,
Diego Ramos""",
        k.PARTS,
        [k.F_SHOP_URL],
    ),
    a(
        "other",
        "Batería en invierno",
        """Hola,

¿Cómo debo guardar la batería durante el invierno? No voy a usar la bici hasta marzo.

Saludos,
Inés Castro""",
        k.BATTERY_CARE,
        [k.F_HALF],
    ),
    n(
        "other",
        "Tallas",
        """Hola,

Mido 1,92 m. ¿Qué talla de cuadro me recomiendan?

Gracias,
Álvaro""",
    ),
    n(
        "other",
        "Tienda en Madrid",
        """Hola:

¿Tienen tienda física en Madrid para ver las bicicletas?

Un saludo,
Beatriz""",
    ),
    n(
        "other",
        "Autonomía de la batería",
        """Hola,

¿Cuántos kilómetros se pueden hacer con una carga completa?

Gracias,
Rubén""",
    ),
    r(
        "job",
        "other",
        "Candidatura - mecánico de bicicletas",
        """Hola,

Soy mecánico de bicicletas y me gustaría trabajar en su taller de Estocolmo. Adjunto mi
currículum. ¿Tienen vacantes?

Saludos,
Jorge Herrera""",
    ),
    r(
        "safety",
        "warranty",
        "Accidente por fallo de frenos",
        """Hola,

Ayer fallaron los frenos de mi bicicleta en una bajada y tuve un accidente; tengo puntos en la
rodilla. Quiero que alguien responsable me llame.

Manuel Ruiz
+34 612 345 678""",
    ),
]
