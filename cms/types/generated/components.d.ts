import type { Schema, Struct } from '@strapi/strapi';

export interface CenterOfferedService extends Struct.ComponentSchema {
  collectionName: 'components_center_offered_services';
  info: {
    description: 'A service kind from the catalogue';
    displayName: 'Offered service';
  };
  attributes: {
    kind: Schema.Attribute.Enumeration<
      [
        'general-service',
        'oil-change',
        'oil-filter',
        'air-filter',
        'tyres',
        'brakes',
        'battery',
        'chain-sprocket',
        'coolant',
        'wheel-alignment',
        'ac-service',
        'wash',
        'inspection',
        'bluebook-renewal',
        'insurance-renewal',
        'pollution-test',
        'repair',
        'other',
      ]
    > &
      Schema.Attribute.Required;
  };
}

export interface CenterOpeningHours extends Struct.ComponentSchema {
  collectionName: 'components_center_opening_hours';
  info: {
    description: "One day's hours; closes before opens means open past midnight";
    displayName: 'Opening hours';
  };
  attributes: {
    closes: Schema.Attribute.Time & Schema.Attribute.Required;
    day: Schema.Attribute.Enumeration<
      ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
    > &
      Schema.Attribute.Required;
    opens: Schema.Attribute.Time & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'center.offered-service': CenterOfferedService;
      'center.opening-hours': CenterOpeningHours;
    }
  }
}
