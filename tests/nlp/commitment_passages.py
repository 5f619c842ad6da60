"""Made-up passages of genres the commitments gold does not cover, judged by tests/data/commitments/README.md.

Written for issue 16 (item 2) without looking at any held-out article: parliamentary debates and question periods,
press briefings and Q&A transcripts, radio interviews, regional communiqués (AU, ECOWAS, GCC, ASEAN), fact sheets,
wire stories, think-tank analysis and features. ``NOT_COMMITMENTS`` state none by the conventions (demands, questions,
forecasts, analysts' expectations, conditionals, opposition promises, history, an interviewer's framing, requests to
other bodies, third parties' market moves); ``COMMITMENTS`` map a passage to the actions it commits to.
"""

from __future__ import annotations

NOT_COMMITMENTS: tuple[str, ...] = (
    # parliamentary debates
    "Mr Speaker, the government must publish the full text of the agreement before this House is asked to ratify it.",
    "The honourable Member for Kisumu East demanded that the Minister table the procurement contracts within fourteen "
    "days.",
    "If we were in government, we would renegotiate the fisheries protocol from the first day.",
    "The Opposition would scrap the levy and would restore the fuel subsidy.",
    "A Labour government would never sign a deal that sold off our ports.",
    "Madam Speaker, I call on the Minister of Foreign Affairs to explain why the embassy in Abuja remains closed.",
    "The House will now proceed to the second reading of the bill.",
    "The government should withdraw from the treaty and hold a referendum on the whole arrangement.",
    "Members on this side want the Minister to guarantee that no jobs will be lost at the shipyard.",
    "Unemployment will rise to 9 percent by December if nothing is done, the Member warned.",
    "We on these benches would support the motion if the government agreed to publish the costings.",
    "Hon. Wanjiru: This House must reject the agreement until the Ministry publishes the tariff schedules.",
    "Mr Okafor (Opposition): Our party will repeal this agreement when we form the next government.",
    "Senator Reyes: The Senate will not be a rubber stamp for the executive, Mr President.",
    "The Member knows full well that the tariff cuts will hurt our dairy farmers.",
    # question periods
    "Can the Prime Minister assure the House that farmers will not lose their export licences?",
    "The Leader of the Opposition asked whether the Cabinet had approved the sale of the stake.",
    "The Member for Ottawa Centre asked the Minister to confirm that the troops would be home by Christmas.",
    "My constituents want to know whether the new hospital will open this year.",
    "Mr Hughes: Does the Minister agree that the treaty will cost the taxpayer far more than the Government admits?",
    "Ms Dlamini asked the Minister to table the memorandum of understanding with the Chinese contractor.",
    # press briefings and Q&A transcripts
    "Spokesperson: I have no information on that to share at the moment. We will release details in due course.",
    "Spokesperson: As I said yesterday, our position has not changed.",
    "Spokesperson: We will keep you updated on the situation.",
    "Spokesperson: I will check and get back to you on that.",
    "Spokesperson: We will take one last question from the back of the room.",
    "Spokesperson: We urge both sides to exercise restraint and return to the negotiating table.",
    "Spokesperson: We hope the talks will produce a lasting ceasefire.",
    "Q: Reports say the two countries will sign a currency swap next week. Can you confirm?",
    "Spokesperson: I would not want to prejudge the outcome of the negotiations.",
    "Spokesperson: That is a matter for the Ministry of Defence, and I will leave it to them to answer.",
    "Press Secretary: The President will speak to reporters after the meeting.",
    "Spokesperson: I will let the Commerce Ministry speak to the details of the tariff schedule.",
    "Deputy Spokesperson: We will continue to monitor the situation closely.",
    # radio interviews
    "Presenter: Critics say the deal will cost taxpayers billions over the next decade.",
    "Presenter: Some would say you are giving away the family silver.",
    "Minister: Look, I think the market will decide that in the end.",
    "Minister: I expect that investors will return once the rules are clear.",
    "Presenter: Many listeners will think this is just another promise that will not be kept.",
    "Presenter: So the pipeline will go ahead regardless of the protests?",
    "Minister: Prices will come down as the new harvest reaches the markets.",
    "Presenter: You must admit the timing looks bad for the government.",
    # regional communiqués (AU, ECOWAS, GCC, ASEAN)
    "The Summit expressed deep concern over the deteriorating security situation in the Sahel.",
    "The Council condemned in the strongest terms the unconstitutional change of government in Niger.",
    "The Summit called on the international community to support the transition process in Guinea.",
    "The Ministerial Council urged the Islamic Republic of Iran to respond positively to the initiative of the United "
    "Arab Emirates.",
    "The Heads of State and Government took note of the report of the President of the ECOWAS Commission.",
    "The Ministers underscored the importance of freedom of navigation and overflight in the South China Sea.",
    "The Council requested the Government of South Sudan to expedite the unification of the necessary forces.",
    "The Authority appeals to Member States to honour their financial obligations to the Community.",
    "The Ministers welcomed the progress made in the negotiations on the Code of Conduct.",
    "The Summit expressed its appreciation to the Government of Nigeria for hosting the meeting.",
    "The Ministers reaffirmed their support for the sovereignty and territorial integrity of Somalia.",
    "The Council reiterated its call for an immediate and unconditional ceasefire in the Sudan.",
    "The Summit noted with concern that only four Member States had paid their contributions in full.",
    "The Ministerial Council stressed that the three islands belong to the United Arab Emirates.",
    "Encourages the parties to resume direct talks without preconditions;",
    "Calls upon all Member States to refrain from any action that may undermine the peace process;",
    "The Ministers looked forward to the entry into force of the ASEAN Digital Economy Framework Agreement.",
    # fact sheets
    "Bilateral trade reached $14.2 billion in 2024, up 11 percent from the previous year.",
    "Private producers will add 1,200 megawatts of solar capacity by 2028, according to the energy regulator.",
    "Exports of cashew nuts are expected to double over the next five years.",
    "The corridor will cut travel time between the two capitals from fourteen hours to five.",
    "Demand for lithium will triple by 2030, the International Energy Agency projects.",
    "More than 12,000 Kenyan students are enrolled at Indian universities.",
    "The market for halal food in the Gulf will be worth $120 billion by 2030.",
    # wire stories
    "Oil prices will stay above $80 a barrel through the winter, traders said.",
    "The central bank is expected to cut rates at its next meeting, economists polled by Reuters said.",
    "Chinese buyers will likely snap up more Brazilian soybeans this season, brokers said.",
    "Traders will watch Friday's jobs data for clues on the next move in rates.",
    "Investors will be looking to the budget for signs of fiscal discipline.",
    "The rupee would weaken further if the talks collapsed, analysts warned.",
    "Beijing could retaliate by restricting exports of rare earths, analysts said.",
    "The merger, if approved by regulators, would create the region's largest steelmaker.",
    "Shipping lines will raise freight rates by up to 20 percent from January, brokers said.",
    "Airlines will add more flights between the two countries next summer as demand recovers.",
    "Hedge funds have built up large short positions against the won.",
    "Foreign investors pulled $2 billion out of Indian equities in March.",
    "The ruling party is widely expected to win a majority, which would give it a free hand to ratify the deal.",
    "Gold rose 1.2 percent as investors sought safety ahead of the vote.",
    # think-tank analysis
    "Washington should offer Hanoi a clear path to market-economy status.",
    "Any deal will need the backing of the Senate, which is far from assured.",
    "Beijing will almost certainly press its advantage in the coming months.",
    "In our assessment, Russia will seek to exploit the vacuum left by the French withdrawal.",
    "The Gulf states will have to choose between Washington and Beijing sooner than they think.",
    "Both governments would benefit from a more predictable dispute-settlement mechanism.",
    "European governments must now decide whether to fund the programme on their own.",
    "The question is whether Ankara will honour the arrangement once the elections are over.",
    "Delhi will want to avoid being drawn into a conflict in the Taiwan Strait.",
    "New Delhi is likely to sign the agreement before the monsoon session, officials expect.",
    "Analysts expect the two sides to announce a framework deal at the summit.",
    "Most observers expect Jakarta to approve the purchase before the election.",
    "Diplomats expect the Council to adopt the resolution on Thursday.",
    "Riyadh will probably keep output steady until the market tightens.",
    "Without new money, the facility will run out of funds by the middle of next year.",
    "A more ambitious approach would see the two navies conduct joint patrols in the Strait of Hormuz.",
    "The risk is that Moscow will use the base to project power into the Mediterranean.",
    "Pretoria will find it hard to balance its ties with Washington and Beijing.",
    # features and history
    "Her father left for Dubai in 1998 and sent money home every month for twenty years.",
    "Back then, the port handled barely a hundred ships a year.",
    "Fishermen here say the catch will never recover.",
    "Amina, 34, plans to open a tailoring shop with the money she has saved.",
    "The villagers will dig a new well if the rains fail again.",
    "The old ferry will stop running when the bridge opens next year.",
    "The colonial administration built the railway in 1901 to carry copper to the coast.",
    "Her children will study in Melbourne, she hopes.",
    "For decades the border crossing opened only on market days.",
    "Many of the young men who left will never come back, the elders fear.",
    # requests to other bodies, conditionals, opposition promises, forecasts
    "The Assembly requested the International Court of Justice to render an advisory opinion on the obligations of "
    "States.",
    "Kenya asked the World Bank to speed up disbursement of the drought facility.",
    "The ministers invited the African Development Bank to consider financing the feasibility study.",
    "If the rains fail, the government will release grain from the strategic reserve.",
    "Unless Congress acts, the tariffs will take effect on 1 August.",
    "Should the talks fail, Pretoria will refer the dispute to the World Trade Organization.",
    "Inflation will rise to 6 percent next year before easing in 2027.",
    "Remittances from the Gulf will rise by 8 percent this year, the World Bank estimates.",
    "The candidate told supporters that a government led by her would bring the troops home within six months.",
    "Opposition leader Hichilema said his party would cancel the contract on its first day in office.",
    "Egypt's gas imports will rise sharply this summer as demand for air conditioning peaks.",
    "Interviewer: You have been accused of promising everything to everyone.",
    # classes found in the dev sets' errors, in made-up words
    "Yes: the region needs elections, not foreign armies, and Ghana and Togo agree on that.",
    "Canada signed up to that language at the summit, and it has not changed its view since.",
    "Kenya is welcome to take part in the corridor, the minister said.",
    "No lender has offered to finance the northern section of the railway.",
    "Today the Minister of Health will report on the vaccination campaign.",
    "Negotiators will first aim for an interim deal covering pulses and potash.",
    "The Prime Minister will hold a summit meeting with him on 17 March.",
    "The African Development Bank will be invited to take a stake in the project.",
    "The pipeline, which is to run some 4,000 kilometres along the coast, will cost $25 billion.",
    "A labour mobility agreement signed in 2023 lets up to 2,000 young people work in the other country for a year.",
    "They agreed that all low-carbon energy sources should be treated fairly in European legislation.",
    "Spokesperson: We will keep doing our part.",
)

COMMITMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Minister: We will provide 50,000 tonnes of fertiliser to farmers in the north before the planting season.",
     ("provide",)),
    ("The Summit decides to deploy a standby force of 5,000 troops to the Sahel.", ("decide",)),
    ("The Authority directs the ECOWAS Commission to convene an extraordinary meeting of the Mediation and Security "
     "Council within thirty days.", ("direct",)),
    ("Indonesia and Malaysia signed a memorandum of understanding on the protection of migrant workers on Tuesday.",
     ("sign",)),
    ("The two leaders launched the Joint Green Hydrogen Corridor at the ceremony in Abu Dhabi.", ("launch",)),
    ("Saudi Arabia pledged $500 million to the reconstruction fund.", ("pledge",)),
    ("Minister: I am announcing today a new fund of 200 million euros for small farmers.", ("announce",)),
    ("President: We are going to build 20,000 homes in the capital by 2027.", ("build",)),
    ("Minister: Today we launch the National Hydrogen Strategy.", ("launch",)),
    ("Decides to establish an ad hoc committee to monitor the implementation of the roadmap;", ("decide",)),
    ("Requests the Secretary-General to submit a report on the implementation of this resolution within 90 days;",
     ("request",)),
    ("The Cabinet has approved a 1.2 billion dollar loan for the Mombasa port expansion.", ("approve",)),
    ("Japan will provide $300 million in concessional loans for the metro line.", ("provide",)),
    ("The two governments agreed to open a consulate in Mombasa and to resume direct flights by June.",
     ("agree", "agree")),
    ("Minister: Yes, we will extend the visa waiver to Kenyan students from September.", ("extend",)),
    ("The ASEAN Foreign Ministers adopted the Joint Statement on the Digital Economy Framework Agreement.", ("adopt",)),
    ("The Council decided to extend the mandate of the mission for a further twelve months.", ("decide",)),
    ("Prime Minister: I can announce that we will double our contribution to the Green Climate Fund.", ("double",)),
    ("Minister: We are going to open a new embassy in Abuja next year.", ("open",)),
    ("Minister: Under the agreement, Kenya will export 40,000 tonnes of tea a year to Egypt.", ("export",)),
    ("The Minister of Finance announced that Ghana will issue a diaspora bond in March.", ("issue",)),
    ("Minister of Trade: We have today signed the Kenya-EU Economic Partnership Agreement.", ("sign",)),
    ("France will train 300 Nigerien officers and will fund a new border post at Assamaka.", ("train", "fund")),
    ("The European Investment Bank will lend 400 million euros for the Lobito Corridor.", ("lend",)),
    ("Spokesperson: The Foreign Minister will sign the agreement on behalf of the government on Friday.", ("sign",)),
    ("The Summit directed the Secretariat to prepare a roadmap for a single currency by 2027.", ("direct",)),
    ("The United States will invest $2 billion in Philippine critical minerals projects over five years.",
     ("invest",)),
    ("The Government of Australia will fund 120 scholarships for Pacific students each year from 2026.", ("fund",)),
    ("The Ministers agreed to convene the next meeting in Accra in October.", ("agree",)),
    ("Vietnam and Korea have pledged to raise bilateral trade to 150 billion dollars by 2030.", ("pledge",)),
    ("ECOWAS leaders agreed to lift the sanctions on Guinea and to reopen the borders.", ("agree", "agree")),
    ("Minister: We are going to deploy two more patrol vessels to the Gulf of Guinea next month.", ("deploy",)),
    ("President: Today I am launching the Blue Economy Fund with an initial 50 million dollars.", ("launch",)),
    ("Foreign Minister: We have decided to reopen our embassy in Damascus.", ("decide",)),
    ("Kenya and Tanzania will jointly build a 400-kilometre power line from Isinya to Singida.", ("build",)),
    ("The bill gives the central bank powers to freeze the assets of terrorist financiers.", ("give",)),
    ("The GCC Ministerial Council has approved the unified tourist visa for residents of the six states.",
     ("approve",)),
    ("Minister: This afternoon I am signing a memorandum with my Omani counterpart on port investment.", ("sign",)),
    ("Minister: Our government will provide $40 million and will train 500 nurses by 2027.", ("provide", "train")),
    ("Welcomes the decision of the Government of Ghana to host the next Summit in Accra;", ("decide",)),
    ("The Peace and Security Council decides to dispatch a fact-finding mission to Goma;", ("decide",)),
    ("Minister: We have approved a grant of 25 million dollars for the border markets.", ("approve",)),
    ("Under the accord, Chile will supply lithium carbonate and Korea will build a cathode plant in Antofagasta.",
     ("supply", "build")),
    ("Minister: I can confirm that Nigeria will host the ECOWAS summit in December.", ("host",)),
    ("The United Kingdom will provide £30 million, the Netherlands €20 million and Norway $15 million.",
     ("provide",)),
    ("Negotiations on a Korea-Uzbekistan Economic Partnership Agreement will resume in Seoul in July.", ("resume",)),
    ("The two countries set up a Joint Commission, which will meet in Islamabad in March.", ("set", "meet")),
    ("Australia has said it will pay the salaries of the police force's new recruits while the talks continue.",
     ("pay",)),
    ("The Rapid Support Forces told the mission on Sunday that they would allow a 72-hour pause for aid convoys.",
     ("allow",)),
    ("We remain committed to OPEC+ and to the Global Compact for Migration.", ("commit",)),
    ("France and Germany reaffirmed their commitment to the Future Combat Air System.", ("reaffirm",)),
    ("The Japan Self-Defense Forces will again take part in Khaan Quest, the peacekeeping exercise, in June.",
     ("take",)),
    ("The leaders agreed to deal with the issues of fishermen on a humanitarian basis, and agreed that the Joint "
     "Working Group on Fisheries will meet in Colombo in May.", ("agree", "agree")),
    ("The leaders also agreed to set up a joint fund for hydrogen and instructed their industry ministers to present a "
     "plan by the end of the year.", ("agree", "instruct")),
    ("Both ministers said the diaspora was a bridge, not a battleground, and agreed to speed up visa processing.",
     ("agree",)),
    ("Participants agreed that experts should examine linking the electricity grids of the region.", ("agree",)),
    ("Their joint communique said the group would raise the costs for ports that handle Russian oil.", ("raise",)),
    ("The representative of Qatar said talks between Kinshasa and the rebels would resume next week.", ("resume",)),
)

#: A second batch, written after the rules for the first were in, to see whether they carry over.
NOT_COMMITMENTS_2: tuple[str, ...] = (
    "Hon. Members: Hear, hear! The Speaker: Order, order. The Minister will resume his seat.",
    "The Deputy Speaker: The question is that the amendment be made. As many as are of that opinion say Aye.",
    "Mr Mensah: I beg to move that this House adopts the report of the Committee on Foreign Affairs on the loan "
    "agreement.",
    "Ms Karimi: The people of Mombasa deserve to know how many jobs this port deal will create.",
    "Mr Lee: Will the Minister commit today to publishing the cost-benefit analysis?",
    "The shadow trade secretary said a future Conservative government would review the agreement line by line.",
    "Mr Speaker, the Minister has once again failed to tell this House what the deal will cost.",
    "The Minister of State: I thank the honourable Member for his question, and I will write to him with the figures.",
    "The Chair: We will now hear from the representative of Ghana.",
    "Opposition MPs vowed to challenge the treaty in the Constitutional Court.",
    "Q: Minister, there are reports that Qatar will cut gas supplies to Pakistan. How do you respond? "
    "Minister: I have seen the reports. I will not comment on speculation.",
    "Spokesperson Mao: On your second question, I would refer you to the competent authorities.",
    "Spokesperson: We have taken note of the relevant reports. China's position on this issue is consistent and clear.",
    "Press Secretary: I don't have any announcements to make today on that front.",
    "Spokesperson: The Secretary-General will be briefing the Security Council tomorrow afternoon.",
    "Host: Joining me now is the Minister of Energy. Minister, the lights keep going off. When will this end?",
    "Minister: Honestly, nobody can promise that the shortages will end this year.",
    "Host: Your critics say the government will have to go back to the IMF within a year.",
    "Caller: My son has been waiting two years for a visa, and nobody will tell us why.",
    "The Assembly of the Union expressed grave concern at the resurgence of unconstitutional changes of government on "
    "the continent.",
    "The Authority of Heads of State and Government commended the Government of Senegal for the peaceful conduct of "
    "the elections.",
    "The Supreme Council expressed its condemnation of the attacks on commercial shipping in the Red Sea.",
    "The Leaders noted the ongoing negotiations on the ASEAN-China Free Trade Area upgrade.",
    "The Council acknowledged the efforts of the Facilitator and encouraged him to continue his engagement with the "
    "parties.",
    "The Summit urged the transitional authorities to adhere to the agreed timetable for the return to constitutional "
    "order.",
    "The Ministers exchanged views on regional and international developments of common interest.",
    "Fact sheet: Canada is the third-largest source of foreign direct investment in Mexico.",
    "Fact sheet: Two-way trade in services grew by 9 percent in 2024 to reach $41 billion.",
    "Fact sheet: Around 4,000 Filipino nurses work in the United Kingdom's National Health Service.",
    "The pipeline will transport up to 30 billion cubic metres of gas a year once completed.",
    "Copper output will climb to 1.5 million tonnes by 2030 as new mines come on stream, the chamber of mines said.",
    "The yen will weaken further unless the Bank of Japan raises rates, strategists at Nomura said.",
    "Exporters will feel the pinch as the new levies bite, industry groups warned.",
    "Refiners in India will keep buying Russian crude as long as discounts remain wide, traders said.",
    "Freight rates will stay elevated while ships avoid the Suez Canal, according to Drewry.",
    "The dispute will likely end up at the World Trade Organization, trade lawyers said.",
    "Tokyo is expected to announce the purchase of additional Tomahawk missiles next month, the Yomiuri reported.",
    "A deal would give Chinese firms access to the port for 99 years, according to documents seen by Reuters.",
    "Moscow and Beijing will continue to deepen their energy ties, whatever happens in Ukraine.",
    "Kenya's creditors will want to see a credible fiscal plan before agreeing to restructure.",
    "The Gulf monarchies will hedge their bets rather than choose sides.",
    "Such a pact would bind Riyadh more closely to Washington than any agreement since 1945.",
    "Should Jakarta join BRICS, it would gain little in trade but much in prestige.",
    "Nigeria will struggle to meet its OPEC quota while pipeline theft continues.",
    "The real test will come when the first tranche of funding falls due.",
    "In 1975, the two countries fought a brief border war over the river islands.",
    "Her grandmother walked across the border in 1947 with nothing but a tin trunk.",
    "The mine, which opened in 1932, employed half the town at its peak.",
    "He says he will keep fishing until the sea gives him nothing more.",
    "The village elders will meet the company again next month, but few expect a deal.",
    "They would come every winter to sell carpets in the bazaar.",
    "The Council invited the World Health Organization to provide technical support to the affected countries.",
    "The Ministers called upon the International Monetary Fund to consider a special drawing rights allocation.",
    "If Washington lifts the tariffs, Brasília will scrap its retaliatory measures within a week.",
    "The country's population will double by 2050, the UN projects.",
    "Inflation would fall to single digits next year if the currency stabilises, the central bank governor said.",
    "The opposition alliance has promised to renegotiate all Chinese loans if it wins the February vote.",
    "Consumers will pay more for fuel from Monday as the subsidy is phased out.",
    "Farmers will plant more maize this season because of the high prices.",
)

#: A third batch, written last, as a check of the rules on fresh wording (negatives, then commitments).
NOT_COMMITMENTS_3: tuple[str, ...] = (
    "Hon. Achieng: Is the Minister aware that the contractor has not been paid for eight months?",
    "The Member for Bradford West: Will my right honourable friend meet me to discuss the visa backlog?",
    "Deputy Speaker: Order. The honourable Member will withdraw that remark.",
    "Mr Nair: We on this side will oppose this bill at every stage.",
    "The Leader of the House: Business next week will be as follows.",
    "Senator Ochieng: The government will regret this decision when the bills come due.",
    "The Prime Minister was asked whether Britain would send troops, and declined to answer.",
    "Q: Will the Foreign Minister attend the summit in person? A: The arrangements are still being worked out.",
    "Spokesperson: I have nothing further to add on that.",
    "Spokesperson: The Ministry will issue a statement later today.",
    "Moderator: We have time for two more questions. Please keep them brief.",
    "Spokesperson: We stand ready to work with all parties for peace and stability in the region.",
    "Interviewer: If you lose the vote, will you resign?",
    "Minister: That is something we will look at very carefully.",
    "Minister: I think we will see more investment coming in over the next year or two.",
    "The Assembly expressed solidarity with the people of the Democratic Republic of the Congo.",
    "The Ministers noted the briefing by the Secretariat on the status of the Free Trade Area negotiations.",
    "The Council will remain actively seized of the matter.",
    "The Heads of State paid tribute to the late President for his contribution to regional integration.",
    "The Ministers deplored the loss of life and extended their condolences to the bereaved families.",
    "The Summit noted that the transition timetable had slipped by twelve months.",
    "Fact sheet: The United States is the largest bilateral donor to the Sahel, providing $1.1 billion since 2020.",
    "Fact sheet: Australian students made up 4 percent of international enrolments in Indonesia in 2024.",
    "Container volumes at the port will rise by a third once the new berths open, the port authority predicts.",
    "Grain shipments from the Black Sea will slow as insurers raise premiums, shipbrokers said.",
    "Oil majors will bid for the offshore blocks when the licensing round opens in May.",
    "Turkish contractors will compete for the reconstruction contracts, industry sources said.",
    "The central bank will have little room to cut rates before the election, economists said.",
    "The ruling could force Brussels to rethink its approach, lawyers said.",
    "Beijing will be watching closely how Manila handles the dispute.",
    "The new government in Dhaka will face pressure to revisit the Adani power contract.",
    "Expect the Gulf states to keep their options open.",
    "A second Trump term would likely see tariffs on European cars.",
    "The bloc will need to find 30 billion euros a year to meet its target.",
    "Her father had promised her a place at the university in Cairo, but the war came first.",
    "The town will never be the same after the mine closes, residents say.",
    "Every spring the herders would drive their flocks across the border to the summer pastures.",
    "The Council called on the Government of Haiti to hold elections as soon as conditions permit.",
    "The Ministers encouraged the private sector to invest in green hydrogen projects in the region.",
    "If the ceasefire holds, aid agencies will scale up deliveries to the north.",
    "Were the United States to leave the agreement, Canada would seek new partners in Asia.",
    "The opposition Democratic Party said it would scrap the subsidy if elected.",
    "Prices will stabilise once the new harvest comes in, traders expect.",
    "The leaders will have a working lunch before the press conference.",
    "The two sides will continue consultations through diplomatic channels.",
)

COMMITMENTS_3: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Minister of State: I can tell the House that the Government will fund 40 new border officers from April.",
     ("fund",)),
    ("Minister: We are going to publish the full contract next week.", ("publish",)),
    ("Spokesperson: The two foreign ministers signed an agreement on visa exemption for diplomatic passports.",
     ("sign",)),
    ("Minister: Today we are announcing a $200 million credit line for small exporters.", ("announce",)),
    ("The Authority decides to lift the economic sanctions imposed on the Republic of Guinea.", ("decide",)),
    ("The Council directs the Commission to draw up a roadmap for the free movement of persons by June 2026.",
     ("direct",)),
    ("Requests the Chairperson of the Commission to appoint a Special Envoy for the Great Lakes region;",
     ("request",)),
    ("The GCC Supreme Council approved the establishment of a joint customs union authority.", ("approve",)),
    ("ASEAN leaders adopted the ASEAN Community Vision 2045 at the summit in Kuala Lumpur.", ("adopt",)),
    ("The United Kingdom will provide £25 million to the African Development Bank's climate adaptation fund.",
     ("provide",)),
    ("Japan and the Philippines signed a reciprocal access agreement in Manila on Monday.", ("sign",)),
    ("Korea pledged $1 billion in development aid to Africa over the next five years.", ("pledge",)),
    ("Fact sheet: The United States will train 1,500 Kenyan police officers by the end of 2026.", ("train",)),
    ("The European Union will mobilise €150 million for the Lobito railway upgrade.", ("mobilise",)),
    ("Minister: The government has approved the construction of a second terminal at Kotoka airport.",
     ("approve",)),
    ("The two presidents launched the construction of the Kazungula industrial park.", ("launch",)),
    ("India and Maldives agreed to conclude the free trade agreement negotiations by the end of the year.",
     ("agree",)),
    ("The Minister said Nigeria would supply 10,000 barrels a day of crude oil to the Dangote refinery.",
     ("supply",)),
    # spoken register: contractions, fillers, "I can confirm that", "we're going to"
    ("Minister: We'll be providing an additional 20 million dollars for the flood response.", ("provide",)),
    ("Minister: We've signed three agreements today, on energy, on health and on education.", ("sign",)),
    ("President: I have instructed the Minister of Finance to release the funds this week.", ("instruct",)),
    ("Minister: What I can tell you is that we're going to double the number of scholarships.", ("double",)),
    ("Prime Minister: Let me be clear: we will not sign any deal that hurts our farmers.", ("sign",)),
    ("Minister: So, yes, we will, of course, continue to support them, and we will send two more ships.", ("send",)),
    ("Foreign Minister: The two of us agreed this morning to set up a hotline between our coast guards.", ("agree",)),
    ("Minister: We're committing 500 million euros to the facility over five years.", ("commit",)),
    ("Secretary: We are also announcing today that the United States will fund a new port study.", ("fund",)),
    ("Minister: The Government will bring forward legislation in the autumn to implement the treaty.", ("bring",)),
    ("Minister: I can confirm that we will be deploying a further 200 personnel to the mission.", ("deploy",)),
    ("Minister: We have allocated 3 billion shillings for the border markets in this year's budget.", ("allocate",)),
    ("Minister: And we will shortly open a consulate in Erbil.", ("open",)),
    ("President: We agreed to work together on the rail line, and Kenya will provide the land.", ("agree", "provide")),
)

#: A fourth batch, transcript turns and paragraphs, written after the third batch's rules (one false positive in it
#: then: "will maintain communication"). Left out as counted by the conventions: an MP's report of a minister's
#: "would be signed by June", "launched a joint commission" twenty years ago, "has promised us a report".
NOT_COMMITMENTS_4: tuple[str, ...] = (
    'QUESTION: Minister, the opposition says this deal will sell out our fishermen. Your '
    "response?\nMINISTER: I don't accept that characterisation at all.",
    'Reporter (AFP): Is Japan going to join the maritime coalition?\nSpokesperson: We are closely '
    'following developments and will respond appropriately.',
    'HOST: And finally, Minister, will there be a price cap on fuel?\nMINISTER: We are looking at all '
    'options, and nothing is off the table.',
    'The Council underlined the need for all parties to respect the ceasefire and called for the '
    'immediate release of all detainees.',
    '3. The Ministers reviewed the implementation of the Plan of Action and noted the progress achieved '
    'in several areas.',
    "Trade between the two blocs is forecast to reach $50 billion by 2030, according to the secretariat's "
    'projections.',
    "Ghana's cocoa output will fall for a third year as swollen shoot disease spreads, the cocoa board warned.",
    'The deal would, in theory, allow Egyptian exporters to ship goods duty-free to 54 countries.',
    'For Beijing, the calculation is simple: it will lend where it can win influence.',
    'Our analysis suggests that Ankara will keep buying Russian gas for at least a decade.',
    'Ibrahim, a 41-year-old trader, says he will move his business to Lagos if the border stays shut.',
    'Under the previous government, Kenya signed loan deals worth $9 billion with Chinese banks, critics note.',
    'Mr Rahman asked the Government to state whether it would extend the visa scheme to Bangladeshi nurses.',
    'The Opposition Chief Whip said the minority caucus would walk out if the bill was put to a vote.',
    'Spokesperson: The two sides will maintain communication on issues of mutual concern.',
    'Spokesperson: We will provide more information as and when it becomes available.',
    'The Council requests all Member States to comply with the arms embargo.',
)

#: A fifth batch (precision on unseen genres, round 7), by class: nobody in particular acts, a comparison with what
#: was promised, what happens to an instrument (its entry into force, what it depends on or cements), figures of
#: speech, a body's routine, a standing position or resolve, an evaluation, and a past habit told as history.
NOT_COMMITMENTS_5: tuple[str, ...] = (
    # nobody in particular
    "We did not join the bloc because anyone asked us to pick a camp.",
    "Somebody will have to pay for the new dams, the engineer said.",
    # comparisons with a promise
    "The new bridge opened two years later than the two governments promised.",
    "Construction is moving faster than the ministers pledged.",
    # what happens to an instrument
    "The accord enters into force on 1 March.",
    "The fisheries pact, which takes effect in January, was welcomed by the fleet owners.",
    "The deal depends on a pipeline that has not been built.",
    "The agreement cements Ankara's role as a regional gas hub.",
    "The treaty hinges on financing from the Gulf.",
    # figures of speech
    "Kenya offers a lesson for its neighbours.",
    "Vietnam offers a template: small grants, paid quickly.",
    # another's proposal weighed, a body's routine
    "The two sides noted the proposal for a cross-border study and will explore it with Jakarta.",
    "The Energy Regulatory Board decides tariffs, and the ministry has no say.",
    # positions, resolve and outcomes
    "China will firmly safeguard its sovereignty and its legitimate interests.",
    "We will keep up the pressure on Moscow together with our allies.",
    "Our exports to the bloc have doubled, and we will keep it that way.",
    # evaluations and history
    "The new cabinet will be judged on its handling of inflation more than on trade.",
    "For a decade the Treasury renewed a waiver that let Manila pay for the fuel.",
    "Experts from the two police forces exchanged notes on drone smuggling, and the ministers exchanged views on Gaza.",
    "The port authority upgraded the container cranes in 2024.",
    "Analysts from the bank will meet investors in London next week.",
    "Japan will continue to support the reform programme.",
    "Fiji has asked the Pacific Islands Forum to speed up the regional resilience fund.",
    "Lula travels to Beijing next week.",
    "The tariff rises to 35 percent next July.",
    # an opposition member's promise in a questioner's turn stays out
    "The SPEAKER: The Member for Kisumu East.\nHon. OTIENO: Will the Minister publish the contracts? Why has he "
    "refused?\nThe MINISTER OF TRADE (Hon. Wafula): The contracts are under audit.\nHon. OTIENO: That is not good "
    "enough. We will scrap this levy on our first day in government. Will he publish them by June?\nThe MINISTER OF "
    "TRADE (Hon. Wafula): I have answered.",
    "Ms Dlamini (Opposition): We will raise the minimum wage to 7,000 rand when we form the next government.",
    # a meeting on a visit's programme
    "The President is due to meet Prime Minister Carney at the G20 summit in Johannesburg next month.",
    # an exercise's programme, a thing's use, an event's end
    "The two navies will rehearse a beach landing and the evacuation of civilians.",
    "Medical teams will treat simulated casualties at a field hospital.",
    "The defence ministers will observe the final day of the exercise together.",
    "Patrol boats donated last year will be used to monitor the fishing grounds.",
    "The Festival of Friendship 2026 will close in November with a concert in Hanoi.",
    # another's request to the speaker, a comment on novelty, a fact confirmed to the speaker
    "Minister: Nauru has asked us not to recruit all its teachers in the first year.",
    '"This is the first time in our history that Kenya will export electricity to Ethiopia," the minister said.',
)

#: Commitments of the fifth batch's neighbourhood, which its rules must leave alone.
COMMITMENTS_5: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Washington renewed the waiver for a further 120 days on Friday.", ("renew",)),
    ("The two sides will also explore cooperation on offshore wind in the Baltic.", ("explore",)),
    ("Japan offers 500 scholarships a year under the programme.", ("offer",)),
    ("The Council decides to extend the mandate of the mission until 31 March 2027.", ("decide",)),
    ("The treaty enters into force today, and Fiji will open an embassy in Wellington next year.", ("open",)),
    # a deal told again (one row), a ceremony
    ("Ghana has agreed to buy 200 buses from Brazil over three years. Trade Minister Ofori and his Brazilian "
     "counterpart, Ana Lima, signed the agreement in Accra on Monday.", ("agree",)),
    ("The two presidents signed a treaty on their maritime boundary on Friday and unveiled a plaque at the port. "
     "President Ruto and President Samia signed the treaty at State House.", ("sign",)),
    ("The Prime Minister has confirmed to me that no such base is planned, and the navy will send two more ships in "
     "May.", ("send",)),
    ("Takaichi has said she is ready to meet President Xi at the summit in November.", ("meet",)),
    ("The Minister signed the implementing arrangements of the defence treaty in Warsaw after the talks.", ("sign",)),
    # recall: the parties' delegates, a secretariat, what a party pays for, upgraded ties, instruments exchanged, a
    # readiness stated as "prepared to"
    ("Experts from both sides will meet in Lima in February on seabed mapping.", ("meet",)),
    ("The secretariat will publish a list of approved projects every six months.", ("publish",)),
    ("The EU will pay for new patrol boats and training for the Libyan coast guard.", ("pay",)),
    ("Thailand and Chile upgraded their ties to a Strategic Partnership in May 2025.", ("upgrade",)),
    ("Kenya and Japan have today exchanged instruments of ratification of the investment treaty.", ("exchange",)),
    # a member's own acts in the House count, from the opposition benches or in a questioner's turn
    ("Mr Okafor (Opposition): I will raise this with the Minister of Trade next week, and we will table a motion on "
     "the fisheries protocol.", ("raise", "table")),
    ("HON. MUTUA (Opposition): I will write to the Minister today asking for the contracts.", ("write",)),
    ("The SPEAKER: The Member for Kisumu East.\nHon. OTIENO: Will the Minister publish the contracts? Why has he "
     "refused?\nThe MINISTER OF TRADE (Hon. Wafula): The contracts are under audit.\nHon. OTIENO: That is not good "
     "enough. I will raise this with the public accounts committee on Thursday. Will he publish them by June?\nThe "
     "MINISTER OF TRADE (Hon. Wafula): I have answered.", ("raise",)),
    # "Yes;" answering "Will Japan take ...?" takes the asked verb, like "Yes."
    ("REPORTER (Nation): Will Japan take more Kenyan teachers under the scheme this year?\nMINISTER SATO: Yes; we "
     "hope to double the number by 2030.", ("take",)),
    # an extension with a term, an agreement welcomed, each deliverable of a welcomed list
    ("Today the two defence ministers announced that Canada will continue to lead the battlegroup in Estonia until "
     "at least March 2030.", ("continue",)),
    ("Welcoming the agreement to keep the border crossings open for a further six months;", ("agree",)),
    ("The ministers welcomed the launch of the joint coast guard patrols and the signing of the revised memorandum "
     "of understanding on energy trade in May 2025.", ("launch", "sign")),
    # the parties' own governments directed; an approval given
    ("The presidents asked their governments to speed up work on the new interconnector.", ("ask",)),
    ("In 2024 the regulator gave conditional approval for two utilities to export 1 gigawatt of solar power to "
     "Malaysia.", ("approve",)),
    # a present tense with a date ahead is a schedule; a truce accepted
    ("Japan and Bangladesh are preparing a free trade agreement, whose fifth round of talks opens in Tokyo next "
     "month.", ("open",)),
    ("The rebels said they accepted the humanitarian truce.", ("accept",)),
    # a resolution's operative "Requests"/"Tasks", which the tagger reads as a plural noun
    ("3. Tasks the Secretariat to prepare a regional water strategy by June 2026;", ("task",)),
    ("The Development Finance Corporation is prepared to finance lithium refining in Salta.", ("finance",)),
)

#: Recall on unseen genres (round 8): a deliverable a party is thanked for, a signature whose "of" the parser hangs on
#: the place or date, a treaty's "undertook to", an instrument's dated passive signing, "will/would continue to supply" and a
#: deliverable welcomed after another object.
COMMITMENTS_6: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The President thanked Chile for its offer of police trainers to the mission.", ("offer",)),
    ("The Prime Minister thanked Japan for the extension of the credit line for a further twelve months.",
     ("extend",)),
    ("The Prime Minister expressed gratitude for the extension of the Oil Facility for a further twelve months.",
     ("extend",)),
    ("They celebrated the signature in Lima on 16 May 2025 of the free trade agreement with Chile.", ("sign",)),
    ("Both countries undertook to open consulates in each other's capitals.", ("undertake",)),
    ("Kenya undertakes to supply 200 tonnes of tea a year under the agreement.", ("undertake",)),
    # an instrument's dated signing told in the passive, with no party named
    ("The Nakamal Agreement was signed in December 2024.", ("sign",)),
    ("The memorandum was signed in Ankara on 12 March.", ("sign",)),
    # a delivery promised to go on, in a party's words or reported by its official; a deliverable welcomed after
    # another object
    ("Kenya will continue to supply power to Uganda through the winter.", ("supply",)),
    ("President Ruto said that Kenya would continue to supply power to Uganda for the whole winter.", ("supply",)),
    ("We welcomed progress on the regional power grid and the signing of the memorandum of understanding on the grid "
     "in October 2025.", ("sign",)),
    ("The ministers welcomed the visit of the President and the launch of the Blue Fund.", ("launch",)),
    ("Recalling the Plan of Action for Energy Cooperation 2026-2030, we welcomed progress on the Pacific Power Grid "
     "(PPG) and the signing of the enhanced memorandum of understanding on the PPG in October 2025.", ("sign",)),
    # a standing commitment to a party's own named policy or agenda
    ("We remain committed to our one China policy.", ("commit",)),
    ("Kenya remains committed to its Vision 2030 agenda.", ("commit",)),
    # a signing told in a contact relative clause ("an agreement the two governments signed"), read as a participle
    ("The plant is covered by an agreement the two governments signed in May 2024.", ("sign",)),
    # each verb of a party's reported "would" clause
    ("The minister said Japan would provide 300 million dollars and send a team of engineers.", ("provide", "send")),
)

#: What the sixth batch's rules must leave alone: thanks for hospitality, an undertaking that is a visit or a review.
NOT_COMMITMENTS_6: tuple[str, ...] = (
    "The Prime Minister thanked Kenya for its hospitality.",
    "The delegation expressed gratitude for the warm welcome.",
    "The President thanked the organisers for the invitation to the summit.",
    "The minister undertook a three-day visit to Japan.",
    "The ministry has undertaken a review of the visa rules.",
    # a signing with no date, a plan adopted, a road opened: no instrument's dated signing
    "The agreement was signed.",
    "A new plan was adopted in May.",
    "The road was opened in 2019.",
    "If the treaty was ratified in 2026, trade would grow.",
    # going on with vague work, a price's course, an analyst's or a condition's "would continue"
    "We will continue to work with our partners.",
    "Prices will continue to rise.",
    "Analysts said Kenya would continue to supply power to Uganda.",
    "If prices rise, Kenya would continue to supply power to Uganda.",
    "The ministers welcomed progress on the grid and its launch.",
    "We remain committed to the partnership.",
    "We remain committed to a European policy.",
    "The plant is covered by a pact signed in 2024.",
    "Analysts said Japan would provide 300 million dollars and send a team of engineers.",
    "The minister said Japan would provide nothing if Kenya would not send a team of engineers.",
)

#: Recall round 9: commitments whose grammar hides the committing party. Money as the subject of what it pays for,
#: beneficiaries receiving what a party grants, things scheduled in a fact sheet's bullet or an official's report, a
#: date as the subject of a launch, refusals to act, pledges of money from parties, commitments noted or welcomed, plans
#: with a figure or date, joint aims with a date, a meeting planned, talks due to conclude, readiness of named bodies and
#: an offer that remains on the table.
COMMITMENTS_7: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The money will also train 2,000 midwives in the provinces.", ("train",)),
    ("Australia announced a A$50 million package for Fiji. The funding will build three cyclone shelters in the Lau "
     "group.", ("announce", "build")),
    ("Under the agreement, ninety percent of the revenue will go to the Republic of Palau.", ("go",)),
    ("Forty Ghanaian engineers will receive scholarships for doctoral studies in Seoul over the next four years.",
     ("receive",)),
    ("Under the scheme, seasonal workers who change employers will get a bridging visa for six months.", ("get",)),
    ("Kenyan start-ups will gain access to the testing laboratories in Singapore under the pact.", ("gain",)),
    ("Officials said a new border crossing for trucks would open by September.", ("open",)),
    ("The 100-megawatt plant will sell at least 40 percent of its output to the national grid, the Investment Board "
     "said.", ("sell",)),
    ("The ministry said demining of the border villages would be completed by the spring.", ("complete",)),
    ("• A pilot plant in the Atacama will begin operating in the second half of 2026.", ("begin",)),
    ("• A new submarine cable from Apia to Suva will go live in the first quarter of 2027.", ("go",)),
    ("• The number of Omani students in Japan will rise to 500 by 2028 through government scholarships.", ("rise",)),
    ("• The Erasmus programme will double the number of Moroccan students it sends to Spain by 2027.", ("double",)),
    ("Next year will see the launch of a joint satellite by India and Brazil.", ("launch",)),
    ("The minister has refused to let the central bank buy dollars before the election.", ("let",)),
    ("Sri Lanka will not allow its territory to be used against the security of India.", ("allow",)),
    ("The fund ends the conference with sponsor pledges of $6.7 billion from Norway, Germany and France.", ("pledge",)),
    ("The ministers took note of the commitment of both governments to lift the surcharges within thirty days.",
     ("commit",)),
    ("The ambassador welcomed the decision of Hanoi to cut duties and its commitment to purchase American aircraft.",
     ("decide", "commit")),
    ("Fiji Airways plans two more weekly flights from March 2026.", ("plan",)),
    ("The Port Authority now plans a $2 billion container terminal at Chancay.", ("plan",)),
    ("The two sides aim to raise that share to 30 percent by 2030.", ("aim",)),
    ("Both sides aim for 100 billion dollars in trade by 2030.", ("aim",)),
    ("The next meeting is planned for Sapporo in 2027.", ("plan",)),
    ("Negotiations on the code of conduct are due to conclude in 2026.", ("conclude",)),
    ("The Federal Board of Revenue and the Frontier Corps are ready to clear containers within 48 hours.", ("clear",)),
    ("Our offer on gas purchases remains on the table.", ("offer",)),
    # a school paid for by a named funder, an official's report after another verb, a beneficiary in a "while" clause,
    # "I want to assure the House that", readiness to let, commitments of money, dates that "will see" a party act
    ("Next year the mining school in Nuuk will double its intake, with money from the European Union.", ("double",)),
    ("The minister called the vote historic and said the 2,000 extra gendarmes sent in May would be reduced by the "
     "summer.", ("reduce",)),
    ("Under the pact, the board will help companies set up units in India, while Indian start-ups will gain access to "
     "design tools in Singapore.", ("help", "gain")),
    ("I want to assure this House that the Government will not import genetically modified maize under this "
     "agreement.", ("import",)),
    ("Cambodia did not lay new mines, and we are ready to let the observers inspect the area together.", ("let",)),
    ("TAPI Pipeline Company Limited says it has commitments of US$1.2 billion for the Afghan stretch, mostly from "
     "Turkmengas and Gulf lenders.", ("commit",)),
    ("Next month will see the signing of a free trade agreement between Chile and India.", ("sign",)),
    ("This year will also see Indonesia join the BRICS development bank.", ("join",)),
    # the term of a party's own deployment, a thing run by a named body, the taxpayer paying a party
    ("Our officers will stay until the new force is deployed, so that there is no gap.", ("stay",)),
    ("The Government has decided that the battalion will begin to draw down in September, and the last of our 340 "
     "personnel will be home by Easter 2027.", ("decide", "be")),
    ("The fund will be managed by the Ministry of Finance and the Central Bank of Kenya.", ("manage",)),
    ("The Minister talks of security, yet the taxpayer will pay Mauritius an average of £101 million a year.", ("pay",)),
    # "tasked X with doing", a party's funding told in the progressive with a figure, support pledged for a named work
    ("Ministers also tasked the G7 Rapid Response Mechanism with tracking covert influence campaigns.", ("task",)),
    ("Tokyo is also financing five 97-metre patrol vessels through a loan from the Japan International Cooperation "
     "Agency.", ("finance",)),
    ("The Department for Business and Trade and UK Export Finance are also backing a £150 million programme for factory "
     "safety.", ("back",)),
    ("In the meantime the British Council and the University of Warsaw are launching 300 scholarships this autumn.",
     ("launch",)),
    ("The participants pledged support for humanitarian demining in the border districts.", ("pledge",)),
    # a bulletin's clauses joined by a semicolon, its headline-style "Japan to admit"
    ("Mongolia and China agree financing for the gas pipeline section across the Gobi; Ulaanbaatar seeks transit "
     "fees.", ("agree",)),
    ("Japan to admit more care workers on skilled worker visas; Indonesia and Myanmar top the list of source "
     "countries.", ("admit",)),
)

#: What the seventh batch's rules (things, beneficiaries and money as subjects, refusals, nouns of commitment, plans
#: and aims) must leave alone, written before the rules: forecasts about things, effects, history, dates as subjects,
#: refusals to answer, hopes and past plans, pledges only welcomed or fallen short of.
NOT_COMMITMENTS_7: tuple[str, ...] = (
    # things as subjects: forecasts, effects, history
    "The money will not be enough to rebuild the port.",
    "Critics say the money will be wasted on consultants.",
    "The funding will run out in March unless Congress acts.",
    "The investment will create 5,000 jobs, the chamber of commerce estimates.",
    "Analysts expect the new line will cut travel times by half.",
    "Trade between the two countries will double by 2030, economists predict.",
    "Demand for lithium will rise to 3 million tonnes by 2030.",
    "Farmers will get better prices once the new harvest reaches the markets.",
    "Exporters will gain market share as the currency weakens.",
    "Consumers will receive their electricity bills later this year.",
    "Much of the revenue went to the former regime's cronies in the 1990s.",
    "The railway was completed by 2017 with a loan from China.",
    "The pipeline will start pumping gas in 2031, analysts say.",
    "• Oil prices will rise to 90 dollars a barrel by December, traders say.",
    "• Inflation will fall to 3 percent by 2026, the central bank forecasts.",
    "• The number of tourists will rise to 2 million by 2028 if the airport opens on time.",
    "Officials fear the border crossing would close by September if the rains continue.",
    "The minister said prices would come down by the spring.",
    "Students who overstay their visas will receive a ban of five years.",
    # dates as subjects
    "Next year will see more elections in the region.",
    "Next year will mark the 50th anniversary of diplomatic ties.",
    "By 2030, the region will face severe water shortages, the report warns.",
    # refusals to answer, negated forecasts
    "The minister declined to comment on the report.",
    "The spokesperson refused to say whether the talks had failed.",
    "The ministry declined to confirm the figure.",
    "Analysts said the central bank will not cut rates this year.",
    "Prices will not fall before the harvest.",
    # nouns of commitment that commit nobody, hopes, aims without a target, past plans
    "Hopes of a deal to open the border faded in March.",
    "The plan to build a dam was shelved in 2015.",
    "Donors have fallen short of their pledges of $5 billion for the appeal.",
    "Welcoming the pledges made at the humanitarian conference held in Riyadh in October, the Council called for more "
    "aid.",
    "Talk of an agreement to cut tariffs is premature, the minister said.",
    "The minister aims to win re-election next year.",
    "The reform aims to cut red tape for small firms.",
    "Critics say the government plans a crackdown on the press.",
    "The president plans a visit to Japan in May.",
    "The election is scheduled for May 2026.",
    "The meeting was planned for March but was cancelled.",
    "The company is set to report record profits this year.",
    "The port is set to create 5,000 jobs by 2030.",
    "If the talks succeed, both sides aim to sign a deal by 2030.",
    "The government hopes to open an embassy in Seoul next year.",
    "The offer was rejected by the unions in May.",
    # a line of business planned, an argued effect of money, what a pipeline or a port does
    "The company plans green hydrogen in Chile for fertiliser.",
    "The minister has argued that oil revenue will help pay for the transition.",
    "• Along the route, the pipeline will supply power plants serving some 40 million people.",
    "Officials said the port would handle one million containers a year once the second terminal opens in 2029.",
    # saying what one wants to say about a forecast, money not yet found, a party's own event in a date's year
    "I want to say that the economy will grow next year.",
    "We would like to inform Members that prices will rise in January.",
    "The school will double its intake next year, with money it hopes to raise.",
    "Analysts say the company has commitments of $2 billion from Gulf lenders.",
    "This year will see prices rise sharply.",
    "Next year will see Kenya hold elections.",
    "Next year will see the end of the programme.",
    "Our troops will stay in the barracks tonight.",
    "Our soldiers will be tired by Christmas.",
    "Their officers will remain on alert until further notice, analysts say.",
    "The talks will be led by the deputy ministers.",
    "Taxpayers will pay more under the new tax.",
    "The project will be managed by whoever wins the tender.",
    "We are also funding schools in the north.",
    "Australia is funding the second phase of the coastal adaptation project.",
    "The army is building 20 new bases along the border.",
    "Investors are backing the company's plan, analysts say.",
    "The participants pledged support for the ongoing negotiations.",
    "The committee was tasked with the review in 2019.",
    "Analysts expect Kenya will sign the deal; the minister hopes so.",
    "Japan to face labour shortages by 2030, study finds.",
    "Prices to rise as Japan weakens the yen; exporters cheer.",
    "• The storm will hit northern Luzon on Friday.",
    "The weather office said the storm would hit the coast by Sunday.",
)

#: The eighth batch (spoken and formal texts): an invitation accepted in a readout's closing line, a speaker's
#: readiness to act, "I want to assure the House that ...", a present-progressive launch with its date, instruments
#: listed as bullet noun phrases under a signing or an exchange. Made-up passages, written from the classes of the
#: dev misses, not from their words.
COMMITMENTS_8: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The President thanked the Prime Minister for the warm hospitality and invited him to visit Ghana in 2027, "
     "which was accepted.", ("accept",)),
    ("The Prime Minister renewed his invitation to the King to visit Malaysia at a mutually convenient time, which "
     "was accepted.", ("renew", "accept")),
    ("Spokesperson: The customs service, the border police and the port authority are ready to clear containers "
     "within 24 hours.", ("clear",)),
    ("Deputy Prime Minister Sokha (interpreted): Our army did not lay these mines, and we are ready to let the "
     "observers inspect the area together.", ("let",)),
    ("Hon. Otieno (Majority Leader): This agreement brings those orders back. I also want to assure this House that "
     "the Government will not import genetically modified maize under this agreement.", ("import",)),
    ("PRIME MINISTER: In the meantime the British Council and the University of Lagos are launching 200 scholarships "
     "this autumn.", ("launch",)),
    ("The two leaders held talks and witnessed the exchange of the following documents.\nDeliverables\n"
     "• A power sale agreement between Nepal and Bangladesh for the Upper Karnali plant.\n"
     "• A memorandum of understanding between the two national libraries on digitising manuscripts.",
     ("exchange", "exchange")),
    ("The two ministers signed the following agreements:\n• An agreement on the avoidance of double taxation;\n"
     "• A protocol on the transit of goods through the port of Mongla.", ("sign", "sign")),
    # a listed instrument with a commitment of its own in a relative clause: both
    ("The leaders witnessed the exchange of the following documents.\nDeliverables\n• A tripartite power sale "
     "agreement among Nepal, Bangladesh and India for the Karnali plant, under which Bangladesh will buy 500 megawatts "
     "from 2032.", ("exchange", "buy")),
    # a mechanism's schedule told on its topic ("a committee on tariffs, which will meet")
    ("Nepal and Bangladesh will set up a joint committee on tariffs, which will meet every six months.",
     ("set", "meet")),
    # a participle aside between the steering verb's object and its infinitive
    ("8. Requests the Chairperson of the Commission, working with IGAD and the United Nations, to convene within "
     "sixty days a meeting of civilian forces in Addis Ababa;", ("request",)),
    # an instrument's signing or announcement by the parties in its relative clause, parsed as "governments signed"
    ("The critical minerals partnership that the two governments signed in June 2024 is now moving from paper to "
     "projects.", ("sign",)),
    ("Greer met today with Minister Nguyen Hong Dien of Vietnam to take stock of the reciprocal trade arrangement the "
     "two governments announced in July.", ("announce",)),
    # a present "plans" with the thing planned as its object
    ("Both sides welcomed the rise in tourists, and Druk Air plans two more weekly flights from March 2026.",
     ("plan",)),
    # an instrument of the parties reaffirmed
    ("The two leaders reaffirmed the Comprehensive Security Integration and Prosperity Agreement (C-SIPA), signed in "
     "Washington in 2023.", ("reaffirm",)),
    # a treaty's "recognise that ... would be a danger ..., and will act": the "will" verb is the parties'
    ("Under the Treaty, Papua New Guinea and Australia recognise that an armed attack on either of them would be a "
     "danger to the peace and security of both, and will act to meet the common danger.", ("act",)),
    ("The working group reported that ship traffic in the Arctic has risen by 37 percent since 2013, and will propose "
     "measures on heavy fuel oil.", ("propose",)),
    # an answer's elided "I can:" before the clause it answers with; a party's forces kept in place until an event
    ("Yvette Cooper: I can: under the scheme, Ghana will keep tariff-free access for three years after graduation.",
     ("keep",)),
    ("Force commander: Our officers will stay until the new force is deployed, so that there is no gap.", ("stay",)),
    # "and double the X" read as a predeterminer: the "will" verb's next conjunct
    ("Mr MARLES: We will post liaison officers to Murray Barracks in Port Moresby and double the training places at "
     "Lombrum by 2027.", ("post", "double")),
    # a perfect clause with its own subject that the parser hangs on a noun ("noted with satisfaction that")
    ("They welcomed the completion of the engineering design, and noted with satisfaction that eleven transit states "
     "have signed memoranda of understanding with the company.", ("sign",)),
    # a declaration creating something: a themed year, a reserve
    ("The heads of state adopted the Development Strategy until 2035 and declared 2027 the Year of Sustainable "
     "Development of the Organisation.", ("adopt", "declare")),
    ("Beijing has declared a nature reserve around the shoal, which Manila calls Bajo de Masinloc.", ("declare",)),
)

#: What the eighth batch's rules must leave alone, in the same shapes: an invitation not (yet) accepted, questions,
#: an opposition's or an analyst's readiness, a facility's capacity, a questioner's "assure the House", a shared
#: view, third parties' ongoing moves, a request to another party, lists of topics or background under a heading.
NOT_COMMITMENTS_8: tuple[str, ...] = (
    "The President invited the Prime Minister to visit Ghana in 2027.",
    "The President invited the Prime Minister to visit Ghana in 2027, which was a first for a Ghanaian leader.",
    "Q: Is Kenya ready to send troops to the mission if the Security Council asks?",
    "The opposition says it is ready to form a government if the coalition collapses.",
    "Analysts said the market was ready to absorb the new bonds.",
    "The new terminal is ready to handle two million containers a year.",
    "Mr Okafor (Opposition): At the next election we will press for a full inquiry into the deal.",
    "Hon. Wanjiru (Opposition): Can the Minister assure this House that the Government will not import genetically "
    "modified maize?",
    "The Member asked the Minister to assure the House that farmers would not lose their licences.",
    "Members on these benches want the Minister to assure us that the Government will not sell the port.",
    "3. The leaders agreed that the Colombo Security Conclave plays an important role in maritime security.",
    "Analysts say investors are launching new funds this autumn.",
    "Protesters are backing a boycott of the summit.",
    "8. Requests the Government of South Sudan to expedite the unification of the forces;",
    "8. Requests the Government of South Sudan, working with IGAD, to expedite the unification of the forces;",
    "The committee on tariffs, which met every six months, was dissolved in 2019.",
    "The leaders discussed the arrangement the press announced in July.",
    "Officials said the arrangement, announced in July, is working.",
    "Analysts say the airline plans more flights.",
    "For the Gulf, the bet is partly about what comes after oil, and the utility plans green hydrogen in Uzbekistan "
    "for fertiliser.",
    "The government plans a better future for all.",
    "Q: Does the government plan a new reservoir?",
    "The ministers reaffirmed the importance of the agreement.",
    "Analysts warned that the deal would be costly and will hurt farmers.",
    "Chair: I declare the meeting open and give the floor to the Minister.",
    "Member: I would: the Government should build the road next year.",
    "Minister: I cannot: the Treasury decides the payments.",
    "Prices will stay high until May.",
    "The ministers rejected the claim that Kenya has signed a secret deal with the company.",
    "There were reports that Kenya has signed a deal.",
    "The minister said prices rose and double the cost is now expected.",
    "Our troops will stay.",
    "Analysts said their troops would remain until the elections.",
    "Analysts said exports have fallen sharply since 2023, and will recover next year.",
    "The tribunal declared the surcharges incompatible with the Cartagena Agreement.",
    "The government declared a state of emergency in the north.",
    "Daily tests continue until the outbreak is declared over.",
    "The ministers declared their support for the peace process.",
    "Analysts said Beijing would declare a nature reserve around the shoal.",
    "Reaffirming the principles of the Charter of the Organization of American States,",
    "2. Its concern at threats made against vessels operating in the Stabroek block;",
    "The two leaders held talks and discussed the following issues.\n• The situation in the Red Sea.\n"
    "• A proposed free trade agreement between the two countries.",
    "Background\n• A 2019 agreement between Nepal and Bangladesh on the Upper Karnali plant.",
    "After the signing ceremony following the talks, the leaders met the press.\n1. An agreement on fisheries.",
    "The Leaders:\n• Agree that the Colombo Process remains important;\n• Hope to conclude the negotiations soon;\n"
    "• Welcome progress on the Green Corridor.",
    "Chair: The committee will now adjourn. We will resume at two o'clock.",
    "Q: Will you open the embassy in Accra next year? Minister: We hope so, but it depends on the budget.",
    "Minister: The Opposition would like you to believe that we will raise taxes.",
    "The two delegations discussed the following documents:\n• A draft agreement on fisheries;\n"
    "• A draft protocol on the transit of goods.",
)

#: Round-10 look-alikes, written before the rules: past acts with the verbs of the round-10 classes that are news or a
#: stance, not a commitment (hostages or figures released, a march joined, words chosen, a person's career, history
#: in a circumstance), and list headings that hope, call, forecast or only name topics.
NOT_COMMITMENTS_10: tuple[str, ...] = (
    "Rebels released 40 hostages from a camp near Goma on Tuesday.",
    "The central bank released its inflation figures for May on Friday.",
    "The statistics office released a report showing exports fell 3 percent.",
    "Thousands of protesters joined the march through the capital.",
    "Kenya joined other countries in condemning the attack on the convoy.",
    "The minister joined the call from Nairobi.",
    "Ambassador Clara Mendes joined the Commission in 2019 after a career in banking.",
    "He chose his words carefully when asked about the border.",
    "Voters chose a new parliament in March.",
    "The company picked up three new customers in Asia.",
    "Brazil selected its squad for the World Cup qualifiers.",
    "The fund lost US$2 billion on its bond holdings last year.",
    "The government disbursed salaries late for the third month running.",
    "The army opened fire on the crowd near the border post.",
    "Egypt opened a new terminal at the port of Sokhna in 2024.",
    "Ties improved after Washington and Hanoi normalised relations in 1995, and trade grew.",
    "China extended its licensing rules to seven more rare earths.",
    "We call on both sides to:\n• release all detainees;\n• open the crossings.",
    "Analysts expect the central bank to:\n• cut rates in June;\n• sell more bonds.",
    "The two leaders agreed to:\n• Trade and investment\n• Climate and energy",
    "The communique covered:\n• expand trade;\n• open markets.",
    "The two leaders agreed to:\n• remain in close contact;\n• continue consultations.",
    "Analysts say the bank will: cut rates, sell bonds and buy dollars.",
    "Police sealed the border crossing after the attack.",
    "Troops sealed off the area around the embassy.",
    "The ruling party clinched a narrow victory in the by-election.",
    "The ambassador penned a letter to the editor.",
    "The two leaders forged close personal ties during the visit.",
    "The two sides set aside their differences over fishing.",
    "Qatar will take three weeks to decide.",
    "We will take two questions from the floor.",
    "The court granted bail to the opposition leader.",
    "The ambassador granted an interview to Reuters.",
    "The central bank should cut rates, analysts said.",
    "According to the report, Kenya should receive the first batch in 2027.",
    "Under pressure from farmers, the government should act.",
    "The two sides reached a common understanding of the threat.",
    "Both sides showed understanding for each other's positions.",
    "Savers deposited more money with banks after the rate rise.",
    "The minister declined to comment on the report.",
    "The spokesman declined to give a date for the visit.",
    "Analysts have ruled out a rate cut in June.",
    "I have no plans to retire.",
    "Voters have no intention to back the bill, a poll found.",
    "The company declined to say how much it paid.",
    "Protesters will not be allowed near the summit venue.",
    "Visitors will be allowed to take photos.",
    "Foreign journalists will not be allowed into the camp, the army said.",
    "Some analysts think Chinese tourists will be allowed to visit next year.",
    "Under the deal, prices rise by 5 percent a year.",
    "Under the agreement, the price is fixed at $5 per unit.",
    "Under the treaty, Panama remains neutral.",
    "Under the current arrangement, migrants wait up to two years for a visa.",
    "Ghana, Togo begin joint naval drills under defence pact off Lomé; Accra hails step.",
    "Under the deal, tea prices rise by 5 percent a year, while freight costs fall.",
    "This bill pays for itself within five years.",
    "The bill limits the debate to two days, the Speaker said.",
    "The agreement was signed after three years of talks.",
    "A petition was signed by 10,000 residents.",
    "No agreement was signed at the summit.",
    "An agreement could be signed next month.",
    "Six months after Gazprom said a legally binding memorandum had been signed, the price is still open.",
    "Japan pledged support for Ukraine and will keep pushing for peace.",
    "The appeal is underfunded.\nPledges: none so far.",
    "Commitments: see the annex to this statement.",
    "The report lists three risks.\nContributions: the authors thank the reviewers.",
    "We joined the march to the parliament.",
    "We chose our words carefully.",
    "We picked up the pieces after the storm.",
)

#: Round-10 commitments of the same shapes: money released, lent, rolled over or subscribed and credit lines opened
#: by a named party (also in a relative clause), a partner or supplier chosen, a grouping joined, and acts listed under
#: a heading ending in "agreed to:" or "will:" (as bullets, or after the colon in the sentence).
COMMITMENTS_10: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Japan disbursed US$300 million of the loan to Sri Lanka in March.", ("disburse",)),
    ("Saudi Arabia rolled over a US$3 billion deposit at the central bank of Pakistan.", ("roll",)),
    ("The World Bank released US$150 million for flood reconstruction in Sindh.", ("release",)),
    ("The Asian Development Bank lent Bangladesh US$400 million for the Dhaka metro.", ("lend",)),
    ("The Netherlands earmarked €200 million for the port of Mombasa.", ("earmark",)),
    ("Last month the Reserve Bank of India subscribed to another US$30 million of Bhutanese treasury bills.",
     ("subscribe",)),
    ("The peso held steady thanks to the US$20 billion swap line that the U.S. Treasury opened in October.",
     ("open",)),
    ("Chile selected Korea's POSCO to build a lithium cathode plant in Antofagasta.", ("select",)),
    ("Indonesia picked Hanwha Ocean in May to build two submarines.", ("pick",)),
    ("Egypt awarded a contract for the high-speed rail line to Siemens in 2022.", ("award",)),
    ("Vietnam joined the Just Energy Transition Partnership in December 2022.", ("join",)),
    ("The two leaders agreed to:\n• expand direct flights to 20 a week by 2026;\n• open a consulate in Surabaya;\n"
     "• hold the next council in Riyadh in 2027.", ("agree", "agree", "agree")),
    ("Under the new package, Japan will:\n• provide US$500 million in concessional loans;\n"
     "• train 300 coast guard officers by 2027.", ("provide", "train")),
    ("Ministers also committed to:\n- double two-way trade by 2030;\n- visit each other's capitals next year.",
     ("commit",)),
    ("Under the package, Japan will: provide US$500 million in loans; train 300 coast guard officers; and deliver two "
     "patrol vessels by 2027.", ("provide", "train", "deliver")),
    # wire copy's words for a signing, money set aside, a counted intake, a policy granted, a term's "should"
    ("India and the UAE sealed a deal on rupee trade settlement in Abu Dhabi on Monday.", ("seal",)),
    ("Kenya and Japan clinched an agreement on geothermal financing last week.", ("clinch",)),
    ("Tokyo and Manila forged a reciprocal access agreement in July.", ("forge",)),
    ("Norway set aside US$100 million for the reconstruction of Gaza's power grid.", ("set",)),
    ("Qatar will take 5,000 Kenyan nurses over three years.", ("take",)),
    ("Spain granted visa-free entry to Colombian nationals in 2024.", ("grant",)),
    ("Under the deal, the first unit should be delivered in 2028.", ("deliver",)),
    # an intention with its object, an MoU's terms, an understanding reached on a matter, a deposit
    ("Korea intends to invest US$5 billion in Indonesian nickel.", ("invest",)),
    ("Under the MoU, Nepal would export 10,000 MW to India within ten years.", ("export",)),
    ("The two sides reached an understanding on fishing rights.", ("agree",)),
    ("Saudi Arabia deposited US$2 billion with the Central Bank of Egypt.", ("deposit",)),
    # refusals told otherwise: a refusal of an act outside the core verbs, an act ruled out, no plans to act, and a
    # commitment ended ("no longer")
    ("Egypt declined to join the coalition.", ("join",)),
    ("Brazil has ruled out sending troops to Haiti.", ("send",)),
    ("India has no plans to join the RCEP.", ("join",)),
    ("The UK will no longer fund the programme after 2026.", ("fund",)),
    # a country's people permitted to act by the party's scheme
    ("Kenyan nurses will be allowed to bring their families.", ("allow",)),
    ("Under the agreement, Indonesian engineers will be allowed back into the plant from March.", ("allow",)),
    # a present-tense act of a party or its people under the terms of an instrument
    ("Under the treaty, the Uzbek enclave of Sokh keeps a road link to the rest of the country.", ("keep",)),
    ("Under a memorandum signed in April, U.S. troops rotate through two former bases for training.", ("rotate",)),
    ("Under the deal, Kenya exports 20,000 tonnes of tea a year to Pakistan.", ("export",)),
    ("Under the treaty, the Armenian enclave keeps a road link to the rest of the country, while two Azerbaijani "
     "villages share a pasture.", ("keep", "share")),
    # a bill's second provision, its finite verb hung by the parser on the first provision's infinitive
    ("This bill gives the Labour Inspectorate power to audit employers without notice and caps recruitment fees at a "
     "week of pay.", ("give", "cap")),
    # a new instrument signed, told in the passive without its parties (not "the agreement": a restatement)
    ("A memorandum of understanding on labour mobility was also signed.", ("sign",)),
    ("Three agreements were signed on energy, health and education.", ("sign",)),
    ("Japan's US$2 billion yen loan for the Jakarta MRT was signed on Tuesday.", ("sign",)),
    # a "will" conjunct after a steering verb's past tense: its own commitment, not the steering verb's complement
    ("Japan has pledged US$1 billion and will send 50 engineers next year.", ("pledge", "send")),
    ("The two sides agreed to expand trade and will meet again in June.", ("agree", "meet")),
    # a pledge roll: its heading's line naming the donors, or one bullet per donor under it
    ("The facility opened in May.\n• Pledges so far: Norway (US$50 million), Germany, Japan and the Republic of "
     "Korea.", ("pledge",)),
    ("The conference closed on Friday.\nPledges:\n• Japan: US$300 million in concessional loans\n• Australia – A$50 "
     "million for adaptation", ("pledge", "pledge")),
    # a speaker's government as "we"
    ("MINISTER: Last year we released US$20 million for the flood response.", ("release",)),
)
