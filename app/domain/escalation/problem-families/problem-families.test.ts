import { describe, expect, it } from "vitest";
import { defaultEscalationSettings } from "../settings";
import { detectEscalation } from "../detect-escalation";
import { normalizeText } from "../normalize";
import { PROBLEM_FAMILIES } from "../problem-report-families";
import { asksHypothetically } from "../asks-what-if";
import { problemReportFamilies, routinePublicPost } from "../public-problem-report";
import { publicToneComplaint } from "../public-tone-complaint";
import { scoreSentiment } from "../sentiment";

// Issue 26, eighth pass (decision 0089). Phrases here are written for the test; none is from a frozen check set.
const rulesOnly = (text: string) => detectEscalation({ messages: [{ role: "shopper", text }] }, {}, defaultEscalationSettings, { model: null });
const familiesOf = (text: string) =>
  Object.entries(PROBLEM_FAMILIES)
    .filter(([, pattern]) => pattern.test(normalizeText(text).text))
    .map(([family]) => family);
const routine = (text: string) => {
  const message = normalizeText(text);
  return routinePublicPost(message, problemReportFamilies(message), scoreSentiment(message));
};

describe("problem families, eighth pass", () => {
  it.each([
    ["@isp broadband hasn't worked since friday", "breakdown"],
    ["@energy power out since the wind last night", "breakdown"],
    ["@bank my card got declined twice at the pharmacy", "breakdown"],
    ["@rail the northern line suspended again", "breakdown"],
    ["@brand the jumper shrank after one wash", "breakdown"],
    ["@carmaker the dashboard reboots every few minutes", "breakdown"],
    ["@app playlists keep vanishing since the latest update", "breakdown"],
    ["@shoes the heel came off after two weeks", "breakdown"],
    ["@gym half the treadmills are out of order", "breakdown"],
    ["@cinema the ticket page keeps timing out", "breakdown"],
    ["@shop the site will not accept my gift card", "breakdown"],
    ["@bank the transfer has been under review for 4 days", "wait"],
    ["@shop it's been 9 days since you said it shipped", "wait"],
    ["@airline bus 14 still at the depot, 40 mins now", "wait"],
    ["@cafe ordered 50 minutes ago and nothing", "wait"],
    ["@telco the verification code not arriving since this morning", "wait"],
    ["@courier third day in a row of 'out for delivery'", "wait"],
    ["@insurer your phone menu keeps sending me in circles", "wait"],
    ["@insurer called 4 times this week", "wait"],
    ["@broadband the technician didn't turn up", "never came"],
    ["@shop i just want my lamp", "never came"],
    ["@telco the new plan costs more than the old one plus the fee", "money"],
    ["@energy the estimated bill is 4x what we actually use", "money"],
    ["@airline cancelled my connecting flight overnight", "trip"],
    ["@airline another delay, third today", "trip"],
    ["@airline moved us to economy at the gate", "trip"],
    ["@airline my kids and I were split up on the flight", "trip"],
    ["@grocer paid for strawberries, got plums instead of them", "wrong or damaged"],
    ["@burgers ordered a large meal but received a small", "wrong or damaged"],
    ["@pizza you forgot to add the dip", "wrong or damaged"],
    ["@cereal found a piece of wire in my cereal", "wrong or damaged"],
    ["@carmaker warning lights on a 3 month old car", "wrong or damaged"],
    ["@bakery the bread is already moldy", "wrong or damaged"],
    ["@airline impressive how every trip with you ends at a service desk", "sarcasm"],
    ["@shop refund refused without any explanation", "dissatisfied"],
    ["@bank even though i called ahead, the card still got blocked", "dissatisfied"],
    ["@airline what did i even pay for", "dissatisfied"],
    ["@store is anyone actually working the returns desk", "dissatisfied"],
    ["@store not even an apology from the manager", "dissatisfied"],
  ])("reads %s as %s", (text, family) => {
    expect(familiesOf(text)).toContain(family);
    expect(rulesOnly(text).reasons).toContain("complaint");
  });

  it.each([
    "@band we have been fans for 6 years now and love every album",
    "@user i forgot the lyrics halfway through lol",
    "@user you forgot to tag me in the photo",
    "@user families separated by the border, a documentary",
    "@user i can't believe how good the new season is",
  ])("does not read a problem in %s", (text) => {
    expect(rulesOnly(text).reasons).not.toContain("complaint");
  });

  it("a question about what might happen is not a report, and its tone is not a complaint", () => {
    const question = "@airline what happens to my bag if I miss the connection?";
    expect(asksHypothetically(normalizeText(question))).toBe(true);
    expect(publicToneComplaint(normalizeText(question), scoreSentiment(normalizeText(question)))).toBe(0);
    expect(rulesOnly(question).reasons).not.toContain("complaint");
    expect(rulesOnly("@airline asking for a friend: if a flight is overbooked who gets bumped").reasons).not.toContain("complaint");
    // a "why" that holds an "if" still complains, and so does a threat of what will happen
    expect(asksHypothetically(normalizeText("@airline why cancel my flight if the weather was fine?"))).toBe(false);
    expect(rulesOnly("@airline why did you cancel my flight if the weather was fine?").reasons).toContain("complaint");
  });

  it("a plea for help is not a question for information", () => {
    expect(rulesOnly("@courier can you help? tracking says out for delivery since monday").reasons).toContain("complaint");
    expect(problemReportFamilies(normalizeText("@courier can you help me find the pickup point"))).toBe(0);
  });

  it("routine public posts are questions, replies with details and thanks that name no problem", () => {
    expect(routine("@airline do you allow cats in the cabin to denver?")).toBe(true);
    expect(routine("@bank done, sent you a DM with the reference")).toBe(true);
    expect(routine("@isp the reset worked, cheers")).toBe(true);
    expect(routine("@airline thanks for the 5am cancellation text")).toBe(false);
    expect(routine("@airline do you know my flight has been delayed 4 hours?")).toBe(false);
    expect(routine("@bank sent you a DM, this is the worst service ever")).toBe(false);
    expect(routine("@grocer no complaints, the click and collect was ready early")).toBe(true);
    expect(routine("@sneakers 30% off all runners this week with code RUN30")).toBe(true);
    expect(routine("RT @railco: new timetable from sunday http://t.co/x1y2z3")).toBe(true);
    expect(routine("RT @ana_k: 3 hours on hold with @railco http://t.co/x1y2z3")).toBe(false);
  });

  it("a message that says it is no complaint is none, in public or in private chat", () => {
    expect(rulesOnly("not a complaint but can you add more colors").reasons).not.toContain("complaint");
    expect(rulesOnly("I want to file a complaint about my order").reasons).toContain("complaint");
    expect(rulesOnly("zero complaints about @grocer delivery this week").reasons).not.toContain("complaint");
  });

  it.each([
    ["I have no complaint, but do you ship to Belgium?", "I want to make a complaint, the parcel never came"],
    ["No tengo ninguna queja, pero ¿envían a Bélgica?", "Quiero poner una queja, el paquete no llegó"],
    ["Je n'ai aucune plainte, mais livrez-vous en Belgique ?", "Je veux déposer une plainte"],
    ["Ich habe keine Beschwerde, aber liefern Sie nach Belgien?", "Ich möchte eine Beschwerde einreichen"],
  ])("says it is no complaint in its own language: %s", (none, complaint) => {
    expect(rulesOnly(none).reasons).not.toContain("complaint");
    expect(rulesOnly(complaint).reasons).toContain("complaint");
  });

  it.each([
    ["if the lamp arrives broken, can I send it back?", "the lamp arrived broken, can I send it back?"],
    ["what is your return policy for damaged items?", "the vase arrived damaged"],
    ["Si la lámpara llega rota, ¿puedo devolverla?", "La lámpara llegó rota"],
    ["Si la lampe arrive cassée, puis-je la renvoyer ?", "La lampe est arrivée cassée"],
    ["Was passiert, wenn die Lampe kaputt ankommt?", "Die Lampe ist kaputt angekommen"],
  ])("a question about what would happen is no complaint, the report is: %s", (question, report) => {
    expect(rulesOnly(question).reasons).not.toContain("complaint");
    expect(rulesOnly(report).reasons).toContain("complaint");
  });
});
