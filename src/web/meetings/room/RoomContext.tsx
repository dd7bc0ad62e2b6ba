import { createContext, useContext } from 'react';
import type { Channel, Client, ClientPlan, Plan, Rubric, Topic } from '../../../shared/api/index.ts';
import type { Side } from '../../../shared/roles.ts';
import type { PresentPerson } from '../../live/connection.ts';
import type { RoomMeeting } from '../queries.ts';

/** Everything the room's panels read: the meeting, its plan, and who is looking. */
export interface RoomData {
  meeting: RoomMeeting;
  plan: Plan;
  client: Client;
  channels: Channel[];
  rubrics: Rubric[];
  clientPlans: ClientPlan[];
  channelById: Map<string, Channel>;
  rubricById: Map<string, Rubric>;
  /** The plan's topics in order, and those parked in this meeting (gone to the reserve). */
  topics: Topic[];
  topicById: Map<string, Topic>;
  me: { id: string; name: string; side: Side };
  can: RoomMeeting['abilities'] & { editClientPlans: boolean };
  people: PresentPerson[];
}

const RoomContext = createContext<RoomData | null>(null);
export const RoomProvider = RoomContext.Provider;

export function useRoom(): RoomData {
  const data = useContext(RoomContext);
  if (!data) throw new Error('useRoom outside a RoomProvider');
  return data;
}

/** Where this person looks: an agenda item and, within "topics", a topic. */
export interface RoomView {
  itemId: string | null;
  topicId: string | null;
  /** Following the facilitator's focus (false: looking around on their own). */
  following: boolean;
  /** This person moves everyone's focus. */
  leading: boolean;
  /** Look at an item (and a topic); the facilitator's move moves everyone. */
  goTo: (itemId: string | null, topicId?: string | null) => void;
  backToFacilitator: () => void;
}

const ViewContext = createContext<RoomView | null>(null);
export const ViewProvider = ViewContext.Provider;

export function useRoomView(): RoomView {
  const view = useContext(ViewContext);
  if (!view) throw new Error('useRoomView outside a ViewProvider');
  return view;
}
