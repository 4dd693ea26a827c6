import { Type, type Static } from '@sinclair/typebox';
import { DateTime, RemoteData, StringEnum } from './common.js';

export const DepartmentSchema = Type.Object(
  {
    id: Type.String({ description: "The department's unique identifier" }),
    name: Type.Optional(Type.String({ description: "The department's name" })),
    parent: Type.Optional(
      Type.Object(
        {
          id: Type.String({ description: 'Unique identifier of the parent department' }),
          name: Type.Optional(Type.String({ description: "The parent department's name" })),
        },
        { description: 'The department this one belongs to', additionalProperties: false },
      ),
    ),
    status: Type.Optional(StringEnum(['active', 'inactive'], { description: "The department's status" })),
    created_at: Type.Optional(DateTime("The date and time of the department's creation")),
    updated_at: Type.Optional(DateTime("The date and time of the department's last update")),
    remote_data: Type.Optional(RemoteData),
  },
  { additionalProperties: false },
);
export type Department = Static<typeof DepartmentSchema>;
