/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heard-practice"

#include "config.h"

#include "heard-practice-words.h"

/*
 * The text of practice records, list by list (see heard-practice-words.h).
 * Names are drawn from many cultures and scripts (Arabic script, accents)
 * so that a trainee sees them as real caseloads have them, and so that
 * every screen is exercised with them. Write for the young person who might
 * one day read a record like these: plain, kind, never graphic.
 */

static const char *const given_names[] = {
  "Amira", "Ayo", "Bartek", "Chloé", "Dylan", "Ebony", "Fatima", "Grace", "Hana", "Ioana",
  "Jayden", "Kofi", "Leila", "Maya", "Niamh", "Oluwaseun", "Priya", "Renée", "Siobhán",
  "Tomás", "Yasmin", "Zainab", "Zoë", "Łucja", "José", "Ngozi", "Mei", "Aroha", "Kai",
  "Jamal", "Noor", "Sanjay", "Ellie", "Roisin", "Mihai", "Shanice", "Tariq", "Ana-Maria",
  "Dániel", "Saoirse", "Ruby", "Idris", "Precious", "Alfie", "Farida", "Kacper", "Lola",
};

static const char *const family_names[] = {
  "Adeyemi", "Begum", "Costa", "Dąbrowska", "Evans", "Farah", "García", "Haddad", "Ivanova",
  "Jones", "Kowalski", "Li", "Mensah", "Nowak", "O'Connor", "Patel", "Quinn", "Rahman",
  "Silva", "Taylor", "Uddin", "Varga", "Walsh", "Yılmaz", "Zhou", "Müller", "Ó Briain",
  "Nguyễn", "Okonkwo", "Popescu", "Hussain", "Campbell", "Achterberg", "Ferreira",
};

/* Names kept as written in Arabic script: a name is written in one script,
 * so these are only ever given with each other. */
static const char *const arabic_given_names[] = {
  "مريم", "ليلى", "يوسف", "سارة", "عمر", "نور", "زينب", "علي", "رنا", "كريم", "دانة", "حمزة",
};

static const char *const arabic_family_names[] = {
  "الحسن", "منصور", "خليل", "عباس", "سعيد", "النجار", "حداد", "الأمين",
};

static const char *const pronouns[] = {
  "she/her", "she/her", "he/him", "he/him", "they/them",
};

static const char *const languages[] = {
  "English", "English", "English", "English", "Arabic", "Polish", "Urdu", "Romanian",
  "Somali", "Portuguese", "Tigrinya", "Bengali", "Kurdish (Sorani)", "British Sign Language",
};

static const char *const nationalities[] = {
  "British", "British", "British", "Irish", "Polish", "Romanian", "Eritrean", "Pakistani",
  "Portuguese", "Somali", "Syrian",
};

static const char *const what_helps[] = {
  "Being told what will happen next, and when.",
  "Meeting somewhere quiet, not the office.",
  "Having my nan with me.",
  "Walking and talking instead of sitting across a table.",
  "Text messages before a meeting so I know who is coming.",
  "Music in my headphones on the bus.",
  "Drawing while we talk.",
  "When people remember what I already told them.",
  "Time with my little brother.",
  "Going to the gym on Saturdays.",
  "Knowing I can say stop.",
  "My cat.",
};

static const char *const what_is_hard[] = {
  "Being asked the same thing by lots of different people.",
  "Loud rooms and people talking over me.",
  "Mornings, especially Mondays.",
  "When plans change without anyone telling me.",
  "Talking on the phone.",
  "Being in a room with the door shut.",
  "People who say they will ring back and then don't.",
  "Waiting rooms.",
  "Evenings on my own.",
  "Forms with lots of questions.",
};

/* Staff are made up too; the first is the practice supervisor
 * (HEARD_PRACTICE_SUPERVISOR_NAME). */
static const char *const workers[] = {
  "Sam Okafor", "Rhiannon Price", "Bilal Chaudhry", "Marta Lewandowska", "Dev Kapoor",
  "Helen Achebe",
};

static const char *const sayings[] = {
  "I want to go back to college.",
  "I don't like being asked the same thing by five people.",
  "I want you to ring me, not my mum.",
  "I'm sleeping better since I moved rooms.",
  "Can we meet at the library instead of here?",
  "I want to do my driving theory test next year.",
  "I don't want to change schools again.",
  "My nan is the one person I trust.",
  "I feel better when I know who is coming to the meeting.",
  "I want to go to the gym with my cousin.",
  "I didn't like it when the police came to the house without telling me first.",
  "I want to see my little brother more.",
  "I'm proud that I went to every lesson this week.",
  "I want to learn to cook proper meals.",
  "I don't want the new worker to read everything before they meet me.",
  "I want to get a Saturday job.",
  "Please don't call me by my full name.",
  "I like that you wrote down what I said the way I said it.",
  "I want to stop feeling like everyone is watching me.",
  "I'd like the meetings after school, not during lessons.",
  "I want to choose who sits with me at court.",
  "I want my phone number changed.",
  "I want to go swimming again.",
  "It helps when you tell me what happens next.",
  "I want to be the one who decides who knows.",
  "I'm not ready to talk about that yet.",
  "I want to help other young people one day.",
  "I want my room to feel like mine.",
  "I don't want to be moved far from my friends.",
  "I want to finish my art portfolio.",
  "I'd rather text than talk on the phone.",
  "The counsellor is alright. I want to keep going.",
  "I want someone to come with me to the doctor.",
  "I want to go on the college trip.",
  "I want a key to my own front door.",
  "Nobody listened before. You did.",
};

/* Said in confidence: kept behind a content note, and still never graphic.
 * Each saying and the content note over it are in step: a reader decides
 * from the note whether to open the words, so the note must say what they
 * are about. */
static const char *const sensitive_sayings[] = {
  ("I didn't want to say this in front of everyone, but I was scared that night and "
   "didn't know who to call."),
  "I don't want to talk about what happened. I want you to know it wasn't my fault.",
  "Sometimes I still feel unsafe walking home, even when nothing is wrong.",
  "I'm worried they will find out where I live now.",
  "I felt really low last week. I'm telling you because you said I could.",
  "I used to think I had to go when they messaged me. I know now I didn't.",
  "I don't want my dad to know I told you this.",
  "When I can't sleep I think about it over and over.",
};

static const char *const content_notes[] = {
  "About a frightening night",
  "About what happened to them",
  "About feeling unsafe",
  "About fear of being found",
  "About feeling very low",
  "About someone who used to pressure them",
  "About family",
  "About sleep and memories",
};

G_STATIC_ASSERT (G_N_ELEMENTS (sensitive_sayings) == G_N_ELEMENTS (content_notes));

static const char *const places[] = {
  "At the drop-in centre",
  "In the car on the way to college",
  "At home, in the kitchen",
  "On the phone",
  "At the youth club",
  "In the park near school",
  "At the café on the high street",
  "In the school's quiet room",
  "At the family centre",
};

static const char *const present[] = {
  "Just me and their key worker",
  "Their key worker and their nan",
  "Their key worker and an interpreter",
  "Their key worker and a teacher they chose",
  "Their key worker and their foster carer",
  "Their key worker and a youth worker",
};

static const char *const contexts[] = {
  "Said at the end of a planned visit, unprompted.",
  "Said while we were talking about the week ahead.",
  "Written on a card during the session and handed over.",
  "Said when we talked about the next review meeting.",
  "Typed on their phone and shown to me.",
  "Said after the school meeting, on the walk to the bus stop.",
  "Said in answer to \"What would make things better?\"",
  "Came up when we talked about who should be at meetings.",
};

static const char *const their_notes[] = {
  "I want this one read out at the review.",
  "You can share this with college.",
  "That's exactly what I meant.",
  "Please don't share this with anyone yet.",
};

static const char *const additions[] = {
  "I meant college, not school.",
  "My nan helps too, put that in.",
  "I said Tuesday, not Thursday.",
  "And I want to choose the place.",
  "I don't mind if the teacher knows now.",
};

static const char *const amend_reasons[] = {
  "They asked for a word to be changed when it was read back to them.",
  "They added this at the next visit, when we read it back together.",
  "We had misheard a day; they corrected it.",
  "They changed their mind about who may know, and asked for it to be written down.",
};

static const char *const what_we_did[] = {
  "We agreed meetings will be after school, and told college.",
  "We asked college about starting again in September; an interview is booked.",
  "Only their key worker will ask about this from now on; the others were told.",
  "We changed the number we call them on.",
  "We booked the library room for visits.",
  "We arranged for their nan to come to the review.",
  "We asked the housing team about a room nearer their friends.",
  "We found a swimming session with a youth worker who can go along.",
  "We wrote to the police team asking them to contact us first before any visit.",
  "Their counselling sessions will carry on; we told the service they want to keep going.",
  "We added their choice of supporter at court to the plan.",
  "We asked the doctor's surgery for a longer appointment with someone they choose.",
};

static const char *const worries[] = {
  "They have missed several days of college this term.",
  "They say they do not feel safe on the walk home after dark.",
  "They are not sleeping well and are tired in the day.",
  "Contact with family is unsettled and sometimes upsets them.",
  "They are waiting to hear about the court date, and the waiting is hard.",
  "They have lost touch with friends since moving.",
  "They feel their story has been told too many times.",
};

static const char *const working_well[] = {
  "They come to every planned visit and text if they cannot.",
  "They trust their nan and talk to her most days.",
  "They are proud of their art and want to show it.",
  "They have started going to the youth club again.",
  "They get on well with their tutor at college.",
  "They say the counselling is helping.",
  "They have a safe route home agreed with their carer.",
};

static const char *const needs_to_happen[] = {
  "Agree one named person who asks about this, so they are not asked again and again.",
  "Set up a meeting with college about a return after half term.",
  "Make sure every agency rings the key worker before any home visit.",
  "Find an activity for Saturday afternoons that they choose.",
  "Keep the court supporter the same person throughout.",
  "Check in every week by text, at a time they pick.",
};

static const char *const own_goals[] = {
  "I want to go back to college.",
  "I want to feel safe on the way home.",
  "I want to sleep properly.",
  "I want to see my brother every week.",
  "I want to get through court with someone I trust.",
  "I want friends again.",
  "I want people to stop asking me the same questions.",
};

static const char *const worker_goals[] = {
  "A return to education they choose, with support in place.",
  "A safety plan they wrote with us, known to every agency involved.",
  "Better sleep, with support from health.",
  "Regular, planned family time that they feel good about.",
  "Support through the justice process from one consistent person.",
  "Activities and friendships outside of services.",
  "One agreed way of sharing what they have already said.",
};

static const char *const actions[] = {
  "Arrange a meeting with the college tutor",
  "Agree a safe route home and write it down together",
  "Refer to the sleep clinic with their agreement",
  "Book family time every Sunday afternoon",
  "Introduce the court supporter before the hearing",
  "Find a Saturday art group near home",
  "Send every agency the note about asking only once",
  "Ask housing about a room closer to their friends",
  "Set up weekly text check-ins at 6pm",
  "Go with them to the doctor's appointment",
  "Ask the police team to contact the key worker first",
  "Look into a bus pass for college",
};

static const char *const review_comments[] = {
  "A clear plan in their own words. Good to see the college meeting already booked.",
  "Signed off. Please make sure every agency has the note about asking only once.",
  "Good progress since the last review; keep the weekly check-ins going.",
  "Their goals are clear. Review the safety actions after the court date.",
  "Thorough and respectful. Agreed as written.",
};

static const char *const changes_asked[] = {
  "Please add who will go with them to the doctor, and by when.",
  "The safety area needs their own words for the goal; please ask them at the next visit.",
  "Please give each action a named person, not only an agency.",
};

static const char *const closure_views[] = {
  "I feel ready. I know who to call if I need to.",
  "I'm doing alright now. Thank you for listening.",
  "I'm moving to college halls and I want a fresh start.",
};

static const char *const closure_reasons[] = {
  "Goals met; support handed on to the college wellbeing team with their agreement.",
  "They asked to close the plan and we agreed; they know how to come back.",
  "They have moved to another area; their new team has everything they agreed to share.",
};

/* Typed by the young person themself in co-design, spelled as they typed. */
static const char *const typed_sayings[] = {
  "i want to choose who comes to my meetings",
  "I dont like it when people talk about me when im not there.",
  "Can my nan come next time. She helps me say stuff.",
  "i feel better when i know whats happening",
  "I want to do my own goal not the one someone else wrote.",
  "Please dont tell school about the weekend. I will tell them.",
};

/* Their say on a version of their plan, in their words. */
static const char *const plan_says[] = {
  "Yes, this is my plan.",
  "Mostly, but I don't want the bit about my phone.",
  "I'm not sure about the meetings at school.",
  "I agree with the goals. The actions are too much.",
  "No. Nobody asked me about moving.",
};

#define WORDS(table) { table, G_N_ELEMENTS (table) }

/* What a young person said at a check-in about how things are going. */
static const char *const check_in_words[] = {
  "School's been alright this week. I went every day.",
  "I don't want to talk about home today.",
  "Better than last time. I slept properly.",
  "I'm tired of meetings, but this one was OK.",
  "I feel safer now I've got my own key.",
  "My nan came to the football. That was good.",
  "Not great. I'm still worried about the bus stop.",
  "I said 4 because some days are good and some aren't.",
  "I like that you write down what I say.",
  "College is hard but I'm still going.",
  "I want the worker to stop asking about my phone.",
  "I'm proud I went to the dentist on my own.",
  "I don't know. Ask me next time.",
  "Things are calmer. I'm not scared all the time.",
};

/* A worker's note beside a check-in: what they saw, in plain words. */
static const char *const check_in_notes[] = {
  "Met at the youth centre; relaxed, chatted about music first.",
  "Shorter check-in: they were tired after college. Agreed to meet again next week.",
  "They chose to rate safety themselves and skip the rest today.",
  "Our ratings for school differ: agreed to talk it through with the pastoral lead there.",
  "Talked about the new placement; they want to keep their room as it is.",
  "Walk in the park instead of the office, at their request.",
  "Good energy today; they asked to see the last few check-ins.",
  "They did not want to talk about home, and that was respected.",
};

static const HeardPracticeWords word_lists[HEARD_PRACTICE_N_WORD_LISTS] = {
  [HEARD_PRACTICE_GIVEN_NAMES] = WORDS (given_names),
  [HEARD_PRACTICE_FAMILY_NAMES] = WORDS (family_names),
  [HEARD_PRACTICE_ARABIC_GIVEN_NAMES] = WORDS (arabic_given_names),
  [HEARD_PRACTICE_ARABIC_FAMILY_NAMES] = WORDS (arabic_family_names),
  [HEARD_PRACTICE_PRONOUNS] = WORDS (pronouns),
  [HEARD_PRACTICE_LANGUAGES] = WORDS (languages),
  [HEARD_PRACTICE_NATIONALITIES] = WORDS (nationalities),
  [HEARD_PRACTICE_WHAT_HELPS] = WORDS (what_helps),
  [HEARD_PRACTICE_WHAT_IS_HARD] = WORDS (what_is_hard),
  [HEARD_PRACTICE_WORKERS] = WORDS (workers),
  [HEARD_PRACTICE_SAYINGS] = WORDS (sayings),
  [HEARD_PRACTICE_SENSITIVE_SAYINGS] = WORDS (sensitive_sayings),
  [HEARD_PRACTICE_CONTENT_NOTES] = WORDS (content_notes),
  [HEARD_PRACTICE_PLACES] = WORDS (places),
  [HEARD_PRACTICE_PRESENT] = WORDS (present),
  [HEARD_PRACTICE_CONTEXTS] = WORDS (contexts),
  [HEARD_PRACTICE_THEIR_NOTES] = WORDS (their_notes),
  [HEARD_PRACTICE_ADDITIONS] = WORDS (additions),
  [HEARD_PRACTICE_AMEND_REASONS] = WORDS (amend_reasons),
  [HEARD_PRACTICE_WHAT_WE_DID] = WORDS (what_we_did),
  [HEARD_PRACTICE_WORRIES] = WORDS (worries),
  [HEARD_PRACTICE_WORKING_WELL] = WORDS (working_well),
  [HEARD_PRACTICE_NEEDS_TO_HAPPEN] = WORDS (needs_to_happen),
  [HEARD_PRACTICE_OWN_GOALS] = WORDS (own_goals),
  [HEARD_PRACTICE_WORKER_GOALS] = WORDS (worker_goals),
  [HEARD_PRACTICE_ACTIONS] = WORDS (actions),
  [HEARD_PRACTICE_REVIEW_COMMENTS] = WORDS (review_comments),
  [HEARD_PRACTICE_CHANGES_ASKED] = WORDS (changes_asked),
  [HEARD_PRACTICE_CLOSURE_VIEWS] = WORDS (closure_views),
  [HEARD_PRACTICE_CLOSURE_REASONS] = WORDS (closure_reasons),
  [HEARD_PRACTICE_CHECK_IN_WORDS] = WORDS (check_in_words),
  [HEARD_PRACTICE_CHECK_IN_NOTES] = WORDS (check_in_notes),
  [HEARD_PRACTICE_TYPED_SAYINGS] = WORDS (typed_sayings),
  [HEARD_PRACTICE_PLAN_SAYS] = WORDS (plan_says),
};

const HeardPracticeWords *
heard_practice_words (HeardPracticeWordList list)
{
  g_return_val_if_fail (list < HEARD_PRACTICE_N_WORD_LISTS, NULL);

  return &word_lists[list];
}
