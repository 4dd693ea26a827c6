import { iso } from '../reference-time.js';

/** The emails a hiring team sends a candidate, and the candidate's reply: subject and body. */
export interface Letter {
  subject: string;
  body: string;
}
interface To {
  candidate: string;
  title: string;
  sender: string;
}

export const thanksForApplying = ({ candidate, title, sender }: To, department: string): Letter => ({
  subject: `Thank you for applying: ${title}`,
  body: `Hi ${candidate},\n\nThank you for your interest in the ${title} role on our ${department} team. We're reviewing your application and will be in touch about next steps soon.\n\nBest,\n${sender}`,
});

export const invitation = ({ candidate, title, sender }: To, interview: string, startAt: number, location: string): Letter => ({
  subject: `Interview invitation: ${interview}`,
  body: `Hi ${candidate},\n\nWe'd love to invite you to a ${interview} for the ${title} role. It is booked for ${iso(startAt).slice(0, 10)} at ${iso(startAt).slice(11, 16)} UTC (${location}). Let me know if that time doesn't work and I'll find another.\n\nThanks,\n${sender}`,
});

export const reply = (to: Letter, candidate: string, organizer: string): Letter => ({
  subject: `Re: ${to.subject}`,
  body: `Hi ${organizer},\n\nThat time works for me. Looking forward to it!\n\n${candidate}`,
});

export const offerLetter = ({ candidate, title, sender }: To, startDate: number): Letter => ({
  subject: `Your offer: ${title}`,
  body: `Hi ${candidate},\n\nCongratulations! I'm delighted to share your offer for the ${title} role. The letter is attached; the proposed start date is ${iso(startDate).slice(0, 10)}. Happy to walk you through any of it.\n\nBest,\n${sender}`,
});

export const rejection = ({ candidate, title, sender }: To): Letter => ({
  subject: `Your application for ${title}`,
  body: `Hi ${candidate},\n\nThank you for the time you spent with us on the ${title} role. After careful consideration we've decided not to move forward at this time. We were glad to get to know you and wish you the best in your search.\n\nKind regards,\n${sender}`,
});
