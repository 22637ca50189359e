/** What cohort reads return: plain objects, safe to send to the instructor's browser. */

export interface CohortSummary {
  id: string;
  name: string;
  guides: { slug: string; title: string }[];
  joinCode: string;
  archived: boolean;
  owner: { id: string; name: string };
  memberCount: number;
  createdAt: string;
}

export interface CohortMemberDto {
  userId: string;
  name: string;
  email: string;
  joinedAt: string;
}

/** What the join page may show to anyone holding the code (nothing about the members). */
export interface CohortInvitation {
  name: string;
  guides: { slug: string; title: string }[];
  instructor: string;
}
