"""Invented news stories for the learn test corpus: (headline, paragraphs). Every story is distinct text."""

HARBOR = [
    ("Harbour cranes pass their first winter test", [
        "The two new container cranes at the east quay lifted their first loads in freezing wind on Monday, a week later than planned after a cable fault delayed the final inspection.",
        "Port engineers said the cranes moved 140 containers during the night shift, close to the rate the operator promised when the machines were ordered three years ago.",
        "Dock workers had warned that the cabins were too cold for long shifts. The operator has since fitted heaters and agreed to shorter rotations until the spring.",
        "The harbour board will publish a full report on the trial at its meeting in February, when it also decides whether to order a third crane.",
    ]),
    ("Lighthouse keeper's cottage to become a museum", [
        "The cottage beside the old north lighthouse, empty since the light was automated in 1987, will open as a small maritime museum next summer.",
        "A group of volunteers raised most of the money through a raffle and a sponsored swim across the bay, and the town council added a grant for the new roof.",
        "Inside, visitors will find the keeper's logbooks, a restored foghorn and a room of photographs donated by families who once lived on the headland.",
        "Organisers hope the museum will draw walkers from the coastal path, which passes the lighthouse but has never had a reason to stop there.",
    ]),
    ("Fishermen protest new quota rules at the fish market", [
        "About sixty fishermen gathered outside the fish market before dawn on Thursday to protest against quota rules that take effect at the start of next month.",
        "Skippers say the new limits on cod and haddock leave small boats with too little catch to cover fuel and crew wages through the winter months.",
        "The fisheries office replied that the rules follow scientific advice on stocks in the northern grounds and that a hardship fund is open to owners of small vessels.",
        "The protest ended peacefully after two hours, and the fishermen's association said it would send a delegation to the ministry before the rules come into force.",
    ]),
    ("School rowing club wins regional final", [
        "The rowing club of the harbour grammar school won the regional final in the coxed four on Saturday, beating the favourites by less than a second.",
        "The crew trained through a stormy autumn on the inner basin, often starting before sunrise so that the boats were back on the rack before lessons began.",
        "Their coach, a former ferry captain, said the win was built on patience rather than power, and praised the cox for steering a perfect line around the buoys.",
        "The team now goes to the national championships in May, where no crew from the town has reached the final since the club was founded.",
    ]),
    ("Ferry service cut to two crossings a day", [
        "The island ferry will run only two crossings a day from next week while one of the two vessels is in dry dock for repairs to its propeller shaft.",
        "Islanders who commute to the mainland say the reduced timetable leaves them a choice between arriving at work two hours early or missing the morning shift.",
        "What happens next",
        "The ferry company said it had looked for a replacement vessel but none of the right size was free before the end of the month, and apologised to passengers.",
        "Councillors have asked the company to add an evening crossing on Fridays and to refund season tickets for the weeks of the reduced service.",
    ]),
]

NORTHFIELD = [
    ("Town hall meeting on the harbour road closure", [
        "More than three hundred people filled the town hall on Monday evening for a meeting on the planned closure of the harbour road for six months of repairs.",
        "Shop owners on the waterfront said the closure would cut them off from visitors during the busiest season, and asked for the work to start in October instead.",
        "\u201cWe will not let this road close in summer while I am mayor of this town,\u201d the mayor told the packed hall to loud applause from the shopkeepers.",
        "The highways department said it would study a later start date but warned that the sea wall under the road could not wait another winter.",
    ]),
    ("Highways department delays harbour road works", [
        "The highways department has agreed to delay the repairs to the harbour road by four months, a day after the stormy public meeting at the town hall.",
        "\u201cWe will not let this road close in summer while I am mayor of this town,\u201d the mayor told the packed hall to loud applause from the shopkeepers.",
        "Engineers will instead brace the sea wall with temporary steel plates, a measure they say will hold until the main work begins in the autumn.",
        "Waterfront traders welcomed the decision, although some said the department should have consulted them before the plans were first published.",
    ]),
    ("Sea wall inspection finds deeper cracks", [
        "Divers inspecting the sea wall under the harbour road found cracks deeper than the engineers expected, raising doubts about the delayed repair plan.",
        "The department said the temporary steel plates would still be fitted this month, but that it may need to close one lane of the road during high tides.",
        "\u201cWe will not let this road close in summer while I am mayor of this town,\u201d the mayor told the packed hall to loud applause from the shopkeepers.",
        "The mayor said on Wednesday that a single lane closure was a fair compromise if it kept the road open to delivery vans and the summer buses.",
    ]),
    ("Library opens a seed exchange", [
        "The central library has opened a seed exchange where gardeners can leave packets of seeds from their own plants and take others home for free.",
        "Librarians set up an old card catalogue cabinet near the entrance, with drawers sorted by vegetables, herbs and flowers, and a notebook for growing tips.",
        "Within the first week more than two hundred packets changed hands, most of them tomatoes, beans and the marigolds that grow well in the salty coastal air.",
        "The library plans a series of Saturday talks on saving seeds, starting with a session on collecting and drying seeds from this year's tomatoes.",
    ]),
    ("Cycling club repaints the old railway bridge", [
        "Members of the cycling club spent the weekend scraping rust and repainting the old railway bridge that carries the cycle path over the river.",
        "The bridge, built in 1902 for a branch line that closed sixty years ago, had not been painted since the path opened and parts of the railings were flaking badly.",
        "The club paid for the paint with money from its annual hill climb race, and a local scaffolding firm lent platforms so volunteers could reach the underside.",
        "Riders say the bridge now looks as it did in old postcards, green with white railings, and the club wants to add a small plaque about its history.",
    ]),
    ("Bakery on Mill Street celebrates fifty years", [
        "The bakery on Mill Street marked fifty years in business on Saturday, handing out slices of the apple cake that has been on its counter since the first day.",
        "The founder, now in her eighties, still comes in every morning to check the bread, although her grandson has run the ovens for more than a decade.",
        "Customers queued round the corner for the anniversary, and many brought old photographs of the shop for a display in the window.",
        "The family says it has no plans to change the recipes, but will start opening on Sundays for the first time from next month.",
    ]),
]

VALLEY = [
    ("Orchard growers expect a record apple harvest", [
        "Orchard growers across the valley expect the largest apple harvest in a decade after a warm spring and steady rain through the summer.",
        "Pickers started on the early varieties this week, and the cooperative's cold store is already half full with fruit that would normally arrive in October.",
        "Growers warn that prices may fall if the whole region has a large crop, and some plan to press more of their apples for juice and cider.",
        "The cooperative will hold its harvest fair on the first Sunday of next month, with tastings of twenty old varieties kept in the community orchard.",
    ]),
    ("River path reopens after flood repairs", [
        "The footpath along the river reopened on Friday after eight months of repairs to the banks washed away in last winter's floods.",
        "Contractors rebuilt three sections of the bank with stone baskets and planted willow cuttings that should bind the soil as they take root.",
        "Walkers and anglers had to use a long detour through the industrial estate while the path was closed, and many say they are glad to be back by the water.",
        "The water authority says the new banks were designed for the kind of flood the valley now sees every few years rather than once in a generation.",
    ]),
    ("Valley choir to sing at the national festival", [
        "The valley choir has been invited to sing at the national festival of amateur choirs in the capital, the first invitation in its ninety-year history.",
        "The forty singers, aged from sixteen to eighty-one, sent a recording of a folk song arranged by their conductor, a retired music teacher from the village school.",
        "The choir needs to raise money for the coach and two nights in a hotel, and has planned a concert in the parish church and a cake sale at the market.",
        "Its members say the invitation has brought in new singers, and the choir has started a second rehearsal night to teach the festival programme.",
    ]),
    ("Bus company adds a late service to the villages", [
        "The regional bus company will run a late evening bus from the market town to the upper valley villages from next Monday on a one-year trial.",
        "Villagers have campaigned for a later service for years, saying young people without cars could not take evening jobs or classes in town.",
        "The bus will leave the town square after the last train arrives from the city, and will stop at every village on request as far as the reservoir.",
        "The county will pay part of the cost during the trial and decide next year whether to keep the service, depending on the number of passengers.",
    ]),
    ("Old mill turned into a climbing centre", [
        "The old flour mill at the bottom of the valley has reopened as an indoor climbing centre, with walls rising through all four floors of the stone building.",
        "The owners kept the mill wheel and the oak beams, and climbers now pass the old grain chutes on the way up the tallest route.",
        "Schools from across the district have booked sessions for the autumn term, and the centre runs evening classes for beginners on weekdays.",
        "The project took three years and a loan from the regional development fund, which the owners say they will repay from a café on the ground floor.",
    ]),
]
